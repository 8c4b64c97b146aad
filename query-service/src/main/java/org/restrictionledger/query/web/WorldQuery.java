package org.restrictionledger.query.web;

import org.restrictionledger.events.status.Status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the world page shows: the day ({@code asOf}, null for today), one platform or all, one status or all, the
 * table's order. It also writes the links that keep these while changing one of them.
 */
record WorldQuery(LocalDate asOf, String platform, Status status, Sort sort) {

    enum Sort {
        /** Worst status first, then by name. */
        STATUS,
        COUNTRY,
        FINES,
        CHANGE
    }

    /** The world page sorted by another column. */
    String sortedBy(Sort other) {
        return "/" + query(asOf, platform, status, other == Sort.STATUS ? null : other);
    }

    /** A country page on the same day. */
    String country(String code) {
        return "/countries/" + code + query(asOf, null, null, null);
    }

    static String query(LocalDate asOf, String platform, Status status, Sort sort) {
        List<String> params = new ArrayList<>();
        if (asOf != null) {
            params.add("asOf=" + asOf);
        }
        if (platform != null) {
            params.add("platform=" + URLEncoder.encode(platform, StandardCharsets.UTF_8));
        }
        if (status != null) {
            params.add("status=" + status.name());
        }
        if (sort != null) {
            params.add("sort=" + sort.name().toLowerCase(Locale.ROOT));
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }
}
