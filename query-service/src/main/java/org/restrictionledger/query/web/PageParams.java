package org.restrictionledger.query.web;

import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.support.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The status page's parameters, with the API's rules (api.Params): names resolve as the API resolves them, an unknown
 * one is a 404, a malformed one a 400 problem that names it. An empty form field means "not set", as browsers send
 * {@code ?asOf=} when the date control is cleared.
 */
final class PageParams {

    private PageParams() {
    }

    static String country(String text) {
        return Countries.resolve(text).orElseThrow(() -> ProblemException.notFound("unknown country '" + text + "'"));
    }

    static Platform platform(String text) {
        return Platforms.resolve(text).orElseThrow(() -> ProblemException.notFound("unknown platform '" + text + "'"));
    }

    /** A platform filter: null when not set. */
    static String platformFilter(String text) {
        return blank(text) ? null : platform(text).slug();
    }

    static LocalDate asOf(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "'" + text + "' is not a date like 2026-02-12");
        }
    }

    static Status status(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "'" + text + "': expected one of " + Arrays.toString(Status.values()));
        }
    }

    static WorldQuery.Sort sort(String text) {
        if (blank(text)) {
            return WorldQuery.Sort.STATUS;
        }
        try {
            return WorldQuery.Sort.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("sort", "'" + text + "': expected one of "
                    + Arrays.toString(WorldQuery.Sort.values()).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
