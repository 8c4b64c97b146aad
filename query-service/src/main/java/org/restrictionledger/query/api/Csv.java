package org.restrictionledger.query.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV exports (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled),
 * written row by row to the response as they are produced, so an export never sits whole in memory.
 */
final class Csv {

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
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            Rows rows = cells -> {
                try {
                    writeRow(writer, java.util.Arrays.asList(cells).iterator());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            rows.row(header.toArray());
            producer.accept(rows);
            writer.flush();
        };
        return Response.ok(body, Params.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"")
                .build();
    }

    private static void writeRow(Writer writer, Iterator<Object> cells) throws java.io.IOException {
        boolean first = true;
        while (cells.hasNext()) {
            if (!first) {
                writer.write(',');
            }
            first = false;
            Object cell = cells.next();
            writer.write(quote(cell == null ? "" : cell.toString()));
        }
        writer.write("\r\n");
    }

    static String quote(String value) {
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
