package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.json.Json;

import java.util.List;

/** Reads and writes the {@code data} of events, checking it against the event type's JSON Schema. */
public final class EventCodec {

    /** The top-level hash member of an event not sealed yet, as {@link Json} writes it. */
    private static final String NO_HASH = ",\"" + EventHashing.HASH_MEMBER + "\":null";
    private static final String EVENT_MEMBER = ",\"event\":";

    private EventCodec() {
    }

    public static String encode(RecordedEvent event) {
        return Json.write(event);
    }

    /** An event with its hash, and its JSON as hashed (but for the hash member), stored and published. */
    public record Sealed(RecordedEvent event, String data) {
    }

    /**
     * Hashes an event the ledger has just decided, serialising it once: the JSON it is written as is what is hashed
     * (without its {@code hash} member, see {@link EventHashing}), stored and published, byte for byte
     * {@code Json.write(event.withHash(hash))}.
     * <p>
     * The hash member is found in the text rather than in a tree: {@link RecordedEvent} writes it before
     * {@code event} and {@code submitter}, the only members with text from a reporter, and every member before it is
     * an id, a stream, a number, an instant or a hex hash, so its first occurrence is the top-level one.
     *
     * @throws IllegalArgumentException when the event already has a hash
     */
    public static Sealed seal(RecordedEvent unsealed) {
        if (unsealed.hash() != null) {
            throw new IllegalArgumentException("event " + unsealed.eventId() + " is sealed already");
        }
        String text = Json.write(unsealed);
        int at = text.indexOf(NO_HASH);
        if (at < 0 || at > text.indexOf(EVENT_MEMBER)) {
            throw new IllegalStateException("the JSON of an event no longer has its hash member before its event");
        }
        String head = text.substring(0, at);
        String tail = text.substring(at + NO_HASH.length());
        String hash = EventHashing.sha256Hex(EventHashing.canonicalBytesOfText(head + tail));
        return new Sealed(unsealed.withHash(hash), head + ",\"" + EventHashing.HASH_MEMBER + "\":\"" + hash + "\"" + tail);
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
