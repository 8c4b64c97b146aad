package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.json.Json;

import java.util.List;

/** Reads and writes the {@code data} of events, checking it against the event type's JSON Schema. */
public final class EventCodec {

    private EventCodec() {
    }

    public static String encode(RecordedEvent event) {
        return Json.write(event);
    }

    /**
     * @throws InvalidEventException when the text is not JSON, breaks its type's schema, or does not bind
     */
    public static RecordedEvent decode(String data) {
        JsonNode document;
        try {
            document = Json.tree(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(List.of(e.getMessage()));
        }
        List<String> errors = EventSchemas.validate(document);
        if (!errors.isEmpty()) {
            throw new InvalidEventException(errors);
        }
        try {
            return Json.mapper().treeToValue(document, RecordedEvent.class);
        } catch (Exception e) {
            throw new InvalidEventException(List.of(e.getMessage()));
        }
    }

    /** The event data is not a valid v1 event. */
    public static final class InvalidEventException extends IllegalArgumentException {
        private final List<String> errors;

        public InvalidEventException(List<String> errors) {
            super("invalid event: " + String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }
}
