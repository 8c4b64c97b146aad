package org.restrictionledger.query.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV exports (RFC 4180 through commons-csv: CRLF line ends, fields quoted when they need it, quotes doubled), written
 * row by row to the response as they are produced, so an export never sits whole in memory.
 * <p>
 * Free text (reasons, authorities, names) is reported by anyone, and a spreadsheet runs a cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula. Such text cells are neutralised
 * as OWASP advises for CSV injection: prefixed with a single quote, so the spreadsheet shows the text and runs
 * nothing. Numbers, dates and other typed values are written as they are (a negative amount stays a number).
 */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {
    }

    /** A row sink handed to the producer of an export. */
    interface Rows {
        void row(Object... cells);
    }

    /**
     * @param producer writes the rows; it runs while the response is written (in its own transaction when it reads
     *                 the database lazily)
     */
    static Response export(String filename, List<String> header, Consumer<Rows> producer) {
        StreamingOutput body = out -> {
            CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), FORMAT);
            Rows rows = cells -> {
                try {
                    printer.printRecord(Arrays.stream(cells).map(Csv::cell));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            rows.row(header.toArray());
            producer.accept(rows);
            printer.flush();
        };
        return Response.ok(body, Params.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"")
                .build();
    }

    /** The value written for one cell: null is empty, text is neutralised, anything else as it prints. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof CharSequence text ? neutralise(text.toString()) : value.toString();
    }

    /** Text a spreadsheet would run as a formula gets a leading single quote; any other text is left as it is. */
    static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
