package org.restrictionledger.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.restrictionledger.events.json.Json;

import java.util.Optional;

/** An HTTP answer as the commands need it: status, the headers they read, the body as text. */
public record Response(int status, String body, Optional<String> replayed, Optional<String> location) {

    public boolean ok() {
        return status / 100 == 2;
    }

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.tree(body);
        } catch (IllegalArgumentException notJson) {
            return MissingNode.getInstance();
        }
    }

    /**
     * What a problem document (RFC 9457) says, in one line: its detail, then every field error; or the start of a
     * body that is not one.
     */
    public String problem() {
        JsonNode problem = json();
        if (problem.isMissingNode()) {
            String text = body == null ? "" : body.strip();
            return text.isEmpty() ? "(no body)" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
        StringBuilder text = new StringBuilder(problem.path("detail").asText(problem.path("title").asText("")));
        JsonNode errors = problem.path("errors");
        if (errors.size() > 1 || (errors.size() == 1 && text.isEmpty())) {
            text.append(text.isEmpty() ? "" : ": ").append(fieldErrors(errors));
        }
        return text.toString();
    }

    /** {@code field: reason; field: reason}, from a problem's {@code errors}. */
    public static String fieldErrors(JsonNode errors) {
        StringBuilder text = new StringBuilder();
        for (JsonNode error : errors) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(error.path("field").asText("?")).append(": ").append(error.path("reason").asText(""));
        }
        return text.toString();
    }
}
