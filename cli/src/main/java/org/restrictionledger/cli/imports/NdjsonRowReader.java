package org.restrictionledger.cli.imports;

import org.restrictionledger.events.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One report per line; blank lines are skipped; the row number is the line number. */
final class NdjsonRowReader extends RowReader {

    private final BufferedReader reader;
    private int line;

    NdjsonRowReader(Path file) throws IOException {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    @Override
    protected Row read() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                try {
                    return jsonRow(line, Json.tree(text), text);
                } catch (IllegalArgumentException e) {
                    return new Row(line, null, e.getMessage(), null, text);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
