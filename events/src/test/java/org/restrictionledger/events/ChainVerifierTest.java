package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainVerifierTest {

    private static List<RecordedEvent> chain(int length) {
        List<RecordedEvent> events = new ArrayList<>();
        String prev = EventHashing.GENESIS;
        for (int v = 1; v <= length; v++) {
            RecordedEvent e = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), Fixtures.WHATSAPP, v, 10L + v,
                    Instant.parse("2026-02-12T10:00:00Z").plusSeconds(v), UUID.randomUUID(), prev, null,
                    Fixtures.imposed(Measure.OTHER, "2026-0" + v)));
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    /** The chain as a consumer receives it: the JSON text of each event. */
    private static List<String> received(List<RecordedEvent> events) {
        return events.stream().map(EventCodec::encode).toList();
    }

    @Test
    void anIntactChainIsValid() {
        ChainVerifier.Verification verification = ChainVerifier.verify(Fixtures.WHATSAPP, chain(4));
        assertTrue(verification.valid());
        assertEquals(4, verification.checked());
        assertNull(verification.firstBrokenLink());
        assertTrue(ChainVerifier.verifyReceived(Fixtures.WHATSAPP, received(chain(4))).valid());
    }

    @Test
    void alteredContentIsTheFirstBrokenLink() {
        List<RecordedEvent> events = chain(4);
        RecordedEvent original = events.get(2);
        events.set(2, new RecordedEvent(original.eventId(), original.stream(), original.streamVersion(),
                original.position(), original.recordedAt(), original.commandId(), original.prevHash(), original.hash(),
                Fixtures.imposed(Measure.FULL_BLOCK, "2026-03")));
        ChainVerifier.Verification verification = ChainVerifier.verify(Fixtures.WHATSAPP, events);
        assertFalse(verification.valid());
        assertEquals(2, verification.checked());
        assertEquals(3, verification.firstBrokenLink().streamVersion());
        assertEquals(original.eventId(), verification.firstBrokenLink().eventId());
        assertEquals(ChainVerifier.ALTERED, verification.firstBrokenLink().problem());
    }

    @Test
    void aMissingEventAndARelinkedEventAreCaught() {
        List<RecordedEvent> events = chain(3);
        events.remove(1);
        assertEquals(ChainVerifier.OUT_OF_SEQUENCE,
                ChainVerifier.verify(Fixtures.WHATSAPP, events).firstBrokenLink().problem());

        List<RecordedEvent> relinked = chain(3);
        RecordedEvent second = relinked.get(1);
        relinked.set(1, EventHashing.seal(new RecordedEvent(second.eventId(), second.stream(), 2, second.position(),
                second.recordedAt(), second.commandId(), "f".repeat(64), null, second.event())));
        assertEquals(ChainVerifier.PREV_HASH_MISMATCH,
                ChainVerifier.verify(Fixtures.WHATSAPP, relinked).firstBrokenLink().problem());
    }

    /**
     * A newer v1 producer adds members (the schemas allow it): the event, re-hashed by its producer, verifies as
     * received, although {@link RecordedEvent} has no place for the new members. Re-serialising the record would
     * have dropped them and called the event altered.
     */
    @Test
    void anEventWithMembersThisVersionDoesNotKnowVerifiesAsReceived() {
        List<String> documents = new ArrayList<>(received(chain(3)));
        ObjectNode extended = (ObjectNode) Json.tree(documents.get(1));
        extended.put("region", "nationwide");
        ((ObjectNode) extended.path("event")).putObject("observation").put("probes", 12).put("confirmed", true);
        extended.put("hash", EventHashing.hashOf(extended));
        documents.set(1, Json.write(extended));
        ObjectNode third = (ObjectNode) Json.tree(documents.get(2));
        third.put("prevHash", extended.path("hash").asText());
        third.put("hash", EventHashing.hashOf(third));
        documents.set(2, Json.write(third));

        ChainVerifier.Verification verification = ChainVerifier.verifyReceived(Fixtures.WHATSAPP, documents);
        assertTrue(verification.valid(), verification::toString);
        assertEquals(3, verification.checked());
        // ... and the contract's reader still decodes it, ignoring what it does not know.
        assertEquals(2, EventCodec.decode(documents.get(1)).streamVersion());

        // The record-based path cannot see the new members: that is why partners verify what they received.
        List<RecordedEvent> reserialised = documents.stream().map(EventCodec::decode).toList();
        assertEquals(ChainVerifier.ALTERED,
                ChainVerifier.verify(Fixtures.WHATSAPP, reserialised).firstBrokenLink().problem());
    }

    /** Every value of the second of three events, changed one at a time: each change breaks the chain at that event. */
    @Test
    void changingAnyValueBreaksTheChainAtThatEvent() {
        List<String> documents = received(chain(3));
        JsonNode second = Json.tree(documents.get(1));
        UUID secondId = UUID.fromString(second.path("eventId").asText());
        List<String> paths = new ArrayList<>();
        leaves(second, "", paths);
        assertTrue(paths.size() > 15, () -> "too few values to change: " + paths);
        for (String path : paths) {
            ObjectNode changed = second.deepCopy();
            change(changed, path);
            List<String> tampered = new ArrayList<>(documents);
            tampered.set(1, Json.write(changed));
            ChainVerifier.Verification verification = ChainVerifier.verifyReceived(Fixtures.WHATSAPP, tampered);
            assertFalse(verification.valid(), path);
            assertEquals(1, verification.checked(), path);
            if (!path.equals("/eventId")) {
                assertEquals(secondId, verification.firstBrokenLink().eventId(), path);
            }
        }
    }

    @Test
    void theIncrementalChainStaysBrokenAndKeepsItsHead() {
        List<String> documents = received(chain(3));
        ChainVerifier.Chain chain = new ChainVerifier.Chain(Fixtures.WHATSAPP);
        assertTrue(chain.append(documents.get(0)).isEmpty());
        String head = chain.head();
        assertEquals(ChainVerifier.OUT_OF_SEQUENCE, chain.append(documents.get(2)).orElseThrow().problem());
        assertEquals(ChainVerifier.OUT_OF_SEQUENCE, chain.append(documents.get(1)).orElseThrow().problem());
        assertEquals(head, chain.head());
        assertEquals(1, chain.version());
        assertEquals(ChainVerifier.UNREADABLE, ChainVerifier.verifyReceived(Fixtures.WHATSAPP,
                List.of("{\"stream\":\"RU/whatsapp\",\"stream\":\"RU/whatsapp\"}")).firstBrokenLink().problem());
    }

    private static void leaves(JsonNode node, String path, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path + "/" + e.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, into);
            }
        } else {
            into.add(path);
        }
    }

    /** A different value of the same JSON type where possible. */
    private static void change(ObjectNode root, String path) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        JsonNode old = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
        JsonNode replacement = old.isNumber() ? Json.mapper().valueToTree(old.asLong() + 1)
                : old.isBoolean() ? BooleanNode.valueOf(!old.asBoolean())
                : TextNode.valueOf(old.asText().isEmpty() ? "x" : old.asText().substring(1) + old.asText().charAt(0)
                        + (old.asText().length() == 1 ? "x" : ""));
        if (replacement.equals(old)) {
            replacement = TextNode.valueOf(old.asText() + "x");
        }
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replacement);
        } else {
            ((ObjectNode) parent).replace(last, replacement);
        }
        assertFalse(old.equals(replacement), () -> path + " unchanged: " + Map.of("old", old));
    }
}
