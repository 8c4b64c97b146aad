package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads an import file row by row, never the whole file at once, so a file of any size imports in bounded memory.
 * Subclasses read one format each.
 */
public abstract class RowReader implements Iterator<Row>, AutoCloseable {

    private Row next;

    public static RowReader open(Path file, ReportFormat format) {
        try {
            return switch (format) {
                case CSV -> new CsvRowReader(file);
                case NDJSON -> new NdjsonRowReader(file);
                case JSON -> new JsonRowReader(file);
            };
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** CSV: the header as read (the columns the rows' cells follow); else empty. */
    public List<String> header() {
        return List.of();
    }

    /** The next row, or null at the end of the file. */
    protected abstract Row read() throws IOException;

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    @Override
    public abstract void close();

    /**
     * A JSON row as a report: an object, without the {@code rl_error} member a rejects file adds; the sample-data
     * form {@code {"note": …, "report": {…}}} is unwrapped.
     */
    static Row jsonRow(int number, JsonNode node, String text) {
        if (!node.isObject()) {
            return new Row(number, null, "a report is a JSON object, this row is " + node.getNodeType().name()
                    .toLowerCase(), null, text);
        }
        ObjectNode report = node.has("report") && node.get("report").isObject() && !node.has("type")
                ? ((ObjectNode) node.get("report")).deepCopy()
                : ((ObjectNode) node).deepCopy();
        report.remove(RejectsFile.ERROR_MEMBER);
        report.remove(RejectsFile.ORIGINAL_MEMBER);
        return new Row(number, report, null, null, text);
    }
}
