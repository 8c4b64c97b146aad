package org.restrictionledger.query.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.query.projection.ReadModel;
import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading the query parameters every endpoint shares; a bad one is a 400 that names it, an unknown name a 404. */
final class Params {

    static final String CSV = "text/csv";
    /** The OpenAPI description of a CSV export: RFC 4180 text with a header row, streamed. */
    static final String CSV_DESCRIPTION = "RFC 4180 CSV with a header row (?format=csv or Accept: text/csv), streamed";

    private Params() {
    }

    /** An ISO country code, English name or alias, in any case. */
    static String country(String text) {
        return Countries.resolve(text).orElseThrow(() -> ProblemException.notFound("unknown country '" + Excerpt.of(text) + "'"));
    }

    /** A platform slug, name or alias, in any case. */
    static String platform(String text) {
        return Platforms.resolve(text).orElseThrow(() -> ProblemException.notFound("unknown platform '" + Excerpt.of(text) + "'")).slug();
    }

    static LocalDate date(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + Excerpt.of(text) + "' is not a date like 2026-02-12");
        }
    }

    static Instant instant(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + Excerpt.of(text) + "' is not an RFC 3339 instant like 2026-02-12T10:00:00Z");
        }
    }

    /**
     * A whole number parameter (query or header): a bad one is a 400 that names it, never the 404 that JAX-RS gives a
     * query parameter it cannot convert.
     */
    static Long number(String name, String text, long min, long max) {
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "'" + Excerpt.of(text) + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw ProblemException.invalid(name, "between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static ReadModel.When when(String asOf, String knownAt) {
        return new ReadModel.When(date("asOf", asOf), instant("knownAt", knownAt));
    }

    /** CSV when asked for by {@code ?format=csv} or {@code Accept: text/csv}; JSON otherwise. */
    static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw ProblemException.invalid("format", "'" + Excerpt.of(format) + "': expected json or csv");
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType());
    }
}
