package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows to fix, written in the input's own format, each with its reason: a first column {@code rl_error} for CSV,
 * a member {@code rl_error} for JSON and NDJSON ({@code rl_original} holds a line that was not JSON). {@code rl import}
 * ignores both, so the fixed file imports as it is. Written from a second pass over the input, so no row is kept in
 * memory meanwhile.
 */
final class RejectsFile {

    static final String ERROR_MEMBER = "rl_error";
    static final String ORIGINAL_MEMBER = "rl_original";

    private RejectsFile() {
    }

    /** {@code reports.csv} → {@code reports.rejected.csv}. */
    static Path nameFor(Path input, ReportFormat format) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : format.extension();
        return input.resolveSibling(stem + ".rejected." + extension);
    }

    /** @param reasons row number → why it must be fixed */
    static void write(Path input, ReportFormat format, Map<Integer, String> reasons, Path output) {
        try (RowReader reader = RowReader.open(input, format);
             Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            switch (format) {
                case CSV -> csv(reader, reasons, writer);
                case NDJSON -> {
                    while (reader.hasNext()) {
                        Row row = reader.next();
                        if (reasons.containsKey(row.number())) {
                            writer.write(Json.write(annotated(row, reasons.get(row.number()))));
                            writer.write('\n');
                        }
                    }
                }
                case JSON -> {
                    List<JsonNode> items = new ArrayList<>();
                    while (reader.hasNext()) {
                        Row row = reader.next();
                        if (reasons.containsKey(row.number())) {
                            items.add(annotated(row, reasons.get(row.number())));
                        }
                    }
                    writer.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(items));
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot write " + output + ": " + e.getMessage());
        }
    }

    private static void csv(RowReader reader, Map<Integer, String> reasons, Writer writer) throws IOException {
        List<String> header = reader.header();
        int existing = indexOfIgnoreCase(header, CsvReport.ERROR_COLUMN);
        List<String> columns = new ArrayList<>();
        columns.add(CsvReport.ERROR_COLUMN);
        for (int i = 0; i < header.size(); i++) {
            if (i != existing) {
                columns.add(header.get(i));
            }
        }
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        printer.printRecord(columns);
        while (reader.hasNext()) {
            Row row = reader.next();
            if (reasons.containsKey(row.number())) {
                List<String> cells = new ArrayList<>();
                cells.add("row " + row.number() + ": " + reasons.get(row.number()));
                for (int i = 0; i < row.cells().size(); i++) {
                    if (i != existing) {
                        cells.add(row.cells().get(i));
                    }
                }
                printer.printRecord(cells);
            }
        }
        printer.flush();
    }

    private static JsonNode annotated(Row row, String reason) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put(ERROR_MEMBER, "row " + row.number() + ": " + reason);
        try {
            JsonNode original = Json.tree(row.text());
            if (original.isObject()) {
                original.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals(ERROR_MEMBER)) {
                        out.set(field.getKey(), field.getValue());
                    }
                });
                return out;
            }
        } catch (IllegalArgumentException notJson) {
            // kept as text below
        }
        out.put(ORIGINAL_MEMBER, row.text());
        return out;
    }

    private static int indexOfIgnoreCase(List<String> values, String wanted) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
