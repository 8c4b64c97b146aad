package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.restrictionledger.events.json.Json;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV row as the JSON report ingest takes, by the rules of ingest's CSV endpoint ({@code BatchReader}): columns in
 * any order and case, a blank cell is no value, lists ({@code features}, {@code replaces}, {@code services}) are
 * separated by {@code ;}, one source per row, {@code repeat} is {@code true} or empty. The CLI converts client-side
 * because only the single-report endpoint takes an {@code Idempotency-Key}.
 */
final class CsvReport {

    /** The columns of ingest's CSV format (README, "CSV columns"). */
    static final List<String> COLUMNS = List.of("type", "country", "platform", "measure", "features",
            "from_measure", "direction", "restriction_id", "amount", "currency", "fine_id", "replaces", "services",
            "target_event_id", "action", "authority", "legal_basis", "reason", "effective", "source_url",
            "source_publisher", "source_published_on", "repeat");

    /** The column {@code rl import} adds to its file of rejected rows; ignored on import, so that file imports again. */
    static final String ERROR_COLUMN = "rl_error";

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("type", "type"), Map.entry("country", "country"), Map.entry("platform", "platform"),
            Map.entry("measure", "measure"), Map.entry("from_measure", "fromMeasure"),
            Map.entry("direction", "direction"), Map.entry("restriction_id", "restrictionId"),
            Map.entry("amount", "amount"), Map.entry("currency", "currency"), Map.entry("fine_id", "fineId"),
            Map.entry("target_event_id", "targetEventId"), Map.entry("action", "action"),
            Map.entry("authority", "authority"), Map.entry("legal_basis", "legalBasis"), Map.entry("reason", "reason"),
            Map.entry("effective", "effective"));
    private static final List<String> LISTS = List.of("features", "replaces", "services");

    private CsvReport() {
    }

    /** @param cells column (lower case) → cell, as read */
    static ObjectNode of(Map<String, String> cells) {
        ObjectNode report = Json.mapper().createObjectNode();
        for (String column : COLUMNS) {
            String value = cell(cells, column);
            if (value == null) {
                continue;
            }
            if (FIELDS.containsKey(column)) {
                report.put(FIELDS.get(column), value);
            } else if (LISTS.contains(column)) {
                ArrayNode list = report.putArray(column);
                Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
            }
        }
        if ("true".equalsIgnoreCase(cell(cells, "repeat"))) {
            report.put("repeat", true);
        }
        String url = cell(cells, "source_url");
        String publisher = cell(cells, "source_publisher");
        if (url != null || publisher != null) {
            ObjectNode source = report.putArray("sources").addObject();
            putIfPresent(source, "url", url);
            putIfPresent(source, "publisher", publisher);
            putIfPresent(source, "publishedOn", cell(cells, "source_published_on"));
        }
        return report;
    }

    private static String cell(Map<String, String> cells, String column) {
        String value = cells.get(column.toLowerCase(Locale.ROOT));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
