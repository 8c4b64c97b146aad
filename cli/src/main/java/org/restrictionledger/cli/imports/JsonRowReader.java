package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A JSON array of reports, read element by element with Jackson's streaming parser; or the sample-data form, an
 * object whose {@code reports} member is that array.
 */
final class JsonRowReader extends RowReader {

    private final Path file;
    private final JsonParser parser;
    private int index;
    private boolean done;

    JsonRowReader(Path file) throws IOException {
        this.file = file;
        this.parser = Json.mapper().createParser(file.toFile());
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                seekReports();
            } else if (first != JsonToken.START_ARRAY) {
                throw malformed("a JSON import is an array of reports (or an object with a \"reports\" array)");
            }
        } catch (IOException e) {
            close();
            throw malformed(e.getMessage());
        } catch (CliException e) {
            close();
            throw e;
        }
    }

    private void seekReports() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("reports".equals(name) && value == JsonToken.START_ARRAY) {
                return;
            }
            parser.skipChildren();
        }
        throw malformed("the object has no \"reports\" array");
    }

    @Override
    protected Row read() {
        if (done) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                done = true;
                return null;
            }
            index++;
            JsonNode node = parser.readValueAsTree();
            return jsonRow(index, node, Json.write(node));
        } catch (IOException e) {
            throw malformed("after item " + index + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private CliException malformed(String why) {
        return new CliException(ExitCode.USAGE, file + " is not a JSON import: " + why);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
