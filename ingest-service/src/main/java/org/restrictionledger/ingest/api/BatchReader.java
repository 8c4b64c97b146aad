package org.restrictionledger.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.domain.ReportRequest;
import org.restrictionledger.ingest.domain.Submissions.Parsed;
import org.restrictionledger.support.problem.FieldError;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the items of a batch (a JSON array, NDJSON, or CSV) one by one, so that an item that cannot be read is that
 * item's error and not the batch's.
 */
final class BatchReader {

    /** The most reports one batch may carry. */
    static final int MAX_ITEMS = 10_000;

    /**
     * CSV columns, in any order, header names in any case. Lists ({@code features}, {@code replaces},
     * {@code services}) are separated by {@code ;} inside their cell; one source per row. Corrections that amend
     * cannot be written as CSV (use JSON).
     */
    static final List<String> CSV_COLUMNS = List.of("type", "country", "platform", "measure", "features",
            "from_measure", "direction", "restriction_id", "amount", "currency", "fine_id", "replaces", "services",
            "target_event_id", "action", "authority", "legal_basis", "reason", "effective", "source_url",
            "source_publisher", "source_published_on", "repeat");

    private BatchReader() {
    }

    static List<Parsed> jsonArray(byte[] body) {
        JsonNode array = ReportReader.tree(body, "Malformed batch");
        if (!array.isArray()) {
            throw malformed("body", "a batch is a JSON array of reports (or NDJSON with Content-Type application/x-ndjson)");
        }
        checkSize(array.size());
        List<Parsed> items = new ArrayList<>(array.size());
        array.forEach(node -> items.add(bind(node)));
        return items;
    }

    static List<Parsed> ndjson(byte[] body) {
        List<String> lines = ReportReader.utf8(body).lines().filter(line -> !line.isBlank()).toList();
        checkSize(lines.size());
        List<Parsed> items = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                items.add(bind(ReportReader.tree(line.getBytes(StandardCharsets.UTF_8), "Malformed report")));
            } catch (ProblemException e) {
                items.add(new Parsed(null, e.problem().errors()));
            }
        }
        return items;
    }

    static List<Parsed> csv(String body) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Set<String> unknown = new TreeSet<>();
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw malformed("header", "the first row names the columns: " + CSV_COLUMNS);
            }
            header.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !CSV_COLUMNS.contains(h)).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                throw malformed("header", "unknown columns " + unknown + "; the columns are " + CSV_COLUMNS);
            }
            // A column named twice (in any case) is ambiguous: which cell would be the report's value?
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !seen.add(h))
                    .forEach(twice::add);
            if (!twice.isEmpty()) {
                throw malformed("header", "columns named more than once: " + twice + "; name each column once");
            }
            List<Parsed> items = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (items.size() == MAX_ITEMS) {
                    checkSize(MAX_ITEMS + 1);
                }
                items.add(record.isConsistent()
                        ? Parsed.of(row(record))
                        : Parsed.unreadable("the row has " + record.size() + " cells, the header " + header.size()));
            }
            return items;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw malformed("body", "not CSV (RFC 4180): " + e.getMessage());
        }
    }

    private static ReportRequest row(CSVRecord r) {
        String url = cell(r, "source_url");
        String publisher = cell(r, "source_publisher");
        List<ReportRequest.SourceRequest> sources = url == null && publisher == null ? List.of()
                : List.of(new ReportRequest.SourceRequest(url, publisher, cell(r, "source_published_on")));
        String amount = cell(r, "amount");
        String effective = cell(r, "effective");
        return new ReportRequest(cell(r, "type"), cell(r, "country"), cell(r, "platform"), cell(r, "measure"),
                list(r, "features"), cell(r, "from_measure"), cell(r, "direction"), cell(r, "restriction_id"),
                amount == null ? null : Json.mapper().getNodeFactory().textNode(amount), cell(r, "currency"),
                cell(r, "fine_id"), list(r, "replaces"), list(r, "services"), cell(r, "target_event_id"),
                cell(r, "action"), null, cell(r, "authority"), cell(r, "legal_basis"), cell(r, "reason"),
                effective == null ? null : Json.mapper().getNodeFactory().textNode(effective), sources,
                "true".equalsIgnoreCase(cell(r, "repeat")) ? Boolean.TRUE : null);
    }

    private static String cell(CSVRecord record, String column) {
        for (Map.Entry<String, String> entry : record.toMap().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue() == null || entry.getValue().isBlank() ? null : entry.getValue();
            }
        }
        return null;
    }

    private static List<String> list(CSVRecord record, String column) {
        String cell = cell(record, column);
        return cell == null ? null : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Parsed bind(JsonNode node) {
        try {
            return Parsed.of(ReportReader.bind(node, "Invalid report"));
        } catch (ProblemException e) {
            return new Parsed(null, e.problem().errors());
        }
    }

    private static void checkSize(int size) {
        if (size > MAX_ITEMS) {
            throw new ProblemException(Problem.of(413, "batch-too-large", "Batch too large",
                    "a batch carries at most " + MAX_ITEMS + " reports; this one has " + (size > MAX_ITEMS + 1 ? size : "more")));
        }
        if (size == 0) {
            throw malformed("body", "the batch is empty");
        }
    }

    private static ProblemException malformed(String field, String reason) {
        return new ProblemException(Problem.invalid("Malformed batch", List.of(new FieldError(field, reason))));
    }
}
