package org.restrictionledger.query.web;

import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.support.input.Streams;
import org.restrictionledger.support.input.Values;

import java.time.LocalDate;

/**
 * The status page's parameters, read as the API reads them (service-support's {@code Streams} and {@code Values}):
 * names resolve as the API resolves them, an unknown one is a 404, a malformed one a 400 problem that names it. An
 * empty form field means "not set", as browsers send {@code ?asOf=} when the date control is cleared.
 */
final class PageParams {

    private PageParams() {
    }

    static String country(String text) {
        return Streams.country(text);
    }

    static Platform platform(String text) {
        return Platforms.resolve(Streams.platform(text)).orElseThrow();
    }

    /** A platform filter: null when not set. */
    static String platformFilter(String text) {
        return blank(text) ? null : Streams.platform(text);
    }

    static LocalDate asOf(String text) {
        return blank(text) ? null : Values.date("asOf", text.strip());
    }

    static Status status(String text) {
        return blank(text) ? null : Values.enumValue("status", text, Status.class);
    }

    static WorldQuery.Sort sort(String text) {
        return blank(text) ? WorldQuery.Sort.STATUS : Values.enumValue("sort", text, WorldQuery.Sort.class);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
