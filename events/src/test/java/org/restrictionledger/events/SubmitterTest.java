package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submitter is an additive member: inside the hashed document when present, absent (and the hash unchanged) when
 * not, allowed by the schemas of commands and events, and carried from command to event.
 */
class SubmitterTest {

    private static final Submitter ALICE = new Submitter("8d0c-4711", "alice");

    private static RecordedEvent withSubmitter(RecordedEvent e, Submitter submitter) {
        return EventHashing.seal(new RecordedEvent(e.eventId(), e.stream(), e.streamVersion(), e.position(),
                e.recordedAt(), e.commandId(), e.prevHash(), null, e.event(), submitter));
    }

    @Test
    void anEventWithoutASubmitterHashesAsBefore() {
        RecordedEvent old = Fixtures.recorded(1, Fixtures.imposed(Measure.FULL_BLOCK, "2026-02"));
        JsonNode document = Json.tree(Json.write(old));
        assertFalse(document.has("submitter"), "no member at all, not null: the v1 document stays what it was");
        assertEquals(old.hash(), EventHashing.hashOf(Json.write(old)));
        assertEquals(old.hash(), withSubmitter(old, null).hash());
    }

    @Test
    void theSubmitterIsPartOfTheHashedDocumentAndTheSchemaAllowsIt() {
        RecordedEvent old = Fixtures.recorded(1, Fixtures.imposed(Measure.FULL_BLOCK, "2026-02"));
        RecordedEvent signed = withSubmitter(old, ALICE);
        String json = Json.write(signed);
        assertEquals("8d0c-4711", Json.tree(json).path("submitter").path("subject").asText());
        assertNotEquals(old.hash(), signed.hash(), "who reported it is covered by the hash");
        assertEquals(signed.hash(), EventHashing.hashOf(json));
        assertEquals(signed, Json.read(json, RecordedEvent.class));
        assertEquals(List.of(), EventSchemas.validate(RestrictionImposed.TYPE, Json.tree(json)));

        // Changing the name on a stored event is tampering, and the chain check finds it.
        ObjectNode forged = (ObjectNode) Json.tree(json);
        ((ObjectNode) forged.path("submitter")).put("subject", "mallory");
        assertNotEquals(signed.hash(), EventHashing.hashOf(forged));

        ObjectNode noSubject = (ObjectNode) Json.tree(json);
        ((ObjectNode) noSubject.path("submitter")).remove("subject");
        assertFalse(EventSchemas.validate(RestrictionImposed.TYPE, noSubject).isEmpty());
    }

    @Test
    void theCommandCarriesItAndTheSchemaAllowsIt() {
        LedgerCommand command = new ImposeRestriction(UUID.randomUUID(), Fixtures.WHATSAPP, Measure.FULL_BLOCK, List.of(),
                null, null, null, Fixtures.effective("2026-02"), Fixtures.SOURCES, Instant.now(), false, ALICE);
        String json = Json.write(command);
        assertEquals(ALICE, Json.read(json, LedgerCommand.class).submitter());
        assertEquals(List.of(), EventSchemas.validate(EventSchemas.COMMAND, Json.tree(json)));
        LedgerCommand anonymous = new ImposeRestriction(UUID.randomUUID(), Fixtures.WHATSAPP, Measure.FULL_BLOCK,
                List.of(), null, null, null, Fixtures.effective("2026-02"), Fixtures.SOURCES, Instant.now());
        assertFalse(Json.tree(Json.write(anonymous)).has("submitter"));
        assertTrue(Json.read(Json.write(anonymous), LedgerCommand.class).submitter() == null);
    }

    @Test
    void aSubjectIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new Submitter(" ", "x"));
        assertEquals(null, new Submitter("s", " ").name());
    }
}
