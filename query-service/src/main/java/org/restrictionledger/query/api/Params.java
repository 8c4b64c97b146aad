package org.restrictionledger.query.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.restrictionledger.query.read.Keyset;
import org.restrictionledger.query.read.ReadModel;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.ProblemException;

/**
 * The query parameters every endpoint shares, read as every edge reads them (service-support's {@code Values} for
 * dates, instants, numbers and enums, {@code Streams} for country and platform names): a bad one is a 400 that names
 * it, an unknown country or platform a 404.
 */
final class Params {

    static final String CSV = "text/csv";
    /** The OpenAPI description of a CSV export: RFC 4180 text with a header row, streamed. */
    static final String CSV_DESCRIPTION = "RFC 4180 CSV with a header row (?format=csv or Accept: text/csv), streamed";

    private Params() {
    }

    /** The page size asked for: 1 to {@link Keyset#MAX_LIMIT}, {@code defaultLimit} when not given. */
    static int limit(String text, int defaultLimit) {
        return text == null ? defaultLimit : Values.number("limit", text, 1, Keyset.MAX_LIMIT).intValue();
    }

    static ReadModel.When when(String asOf, String knownAt) {
        return new ReadModel.When(Values.date("asOf", asOf), Values.instant("knownAt", knownAt));
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
