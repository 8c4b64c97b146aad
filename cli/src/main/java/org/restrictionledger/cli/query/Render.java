package org.restrictionledger.cli.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Short text for the JSON pieces the query API answers with. */
final class Render {

    private Render() {
    }

    /** {@code 2026-02-01 (month)}; empty for none. */
    static String effective(JsonNode effective) {
        if (effective == null || effective.isNull() || effective.isMissingNode()) {
            return "";
        }
        String precision = effective.path("precision").asText("DAY");
        String date = effective.path("date").asText();
        return "DAY".equals(precision) ? date : date + " (" + precision.toLowerCase() + ")";
    }

    /** {@code 4000000.00 RUB; 10 EUR}. */
    static String money(JsonNode amounts) {
        List<String> parts = new ArrayList<>();
        for (JsonNode amount : amounts) {
            parts.add(amount.path("amount").asText() + " " + amount.path("currency").asText());
        }
        return String.join("; ", parts);
    }

    /** The strings of a JSON array, joined. */
    static String list(JsonNode array, String separator) {
        List<String> parts = new ArrayList<>();
        array.forEach(item -> parts.add(item.asText()));
        return String.join(separator, parts);
    }

    /** {@code FULL_BLOCK}, or {@code FEATURE_LIMIT(voice_calls)}. */
    static String measure(JsonNode measure) {
        String features = list(measure.path("features"), ",");
        return measure.path("measure").asText() + (features.isEmpty() ? "" : "(" + features + ")");
    }
}
