package org.restrictionledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    @Test
    void everyEventTypeRoundTripsThroughItsSchema() {
        RecordedEvent imposed = Fixtures.recorded(1, Fixtures.imposed(Measure.FEATURE_LIMIT, "2025", "voice_calls"));
        RecordedEvent lifted = Fixtures.recorded(2, Fixtures.lifted(imposed.eventId(), Measure.FEATURE_LIMIT, "2026-01-15"));
        assertEquals(imposed, EventCodec.decode(EventCodec.encode(imposed)));
        assertEquals(lifted, EventCodec.decode(EventCodec.encode(lifted)));
        assertEquals("org.restrictionledger.restriction.imposed.v1", imposed.cloudEventType());
        assertEquals("restriction.lifted", CloudEvents.catalogueType(lifted.cloudEventType()));
    }

    @Test
    void dataThatBreaksTheSchemaIsRejectedWithEveryViolation() {
        ObjectNode document = Json.mapper().valueToTree(
                Fixtures.recorded(1, Fixtures.imposed(Measure.FULL_BLOCK, "2026-02")));
        ((ObjectNode) document.get("event")).put("measure", "SHUTDOWN");
        ((ObjectNode) document.get("event")).putArray("sources");
        document.put("streamVersion", 0);
        EventCodec.InvalidEventException e = assertThrows(EventCodec.InvalidEventException.class,
                () -> EventCodec.decode(Json.write(document)));
        assertEquals(3, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(m -> m.contains("measure")), e.errors().toString());
    }

    @Test
    void unknownTypesAndNonJsonAreRejected() {
        assertThrows(EventCodec.InvalidEventException.class, () -> EventCodec.decode("not json"));
        String unknown = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"event\":{\"type\":\"platform.renamed\"}}";
        EventCodec.InvalidEventException e = assertThrows(EventCodec.InvalidEventException.class,
                () -> EventCodec.decode(unknown));
        assertTrue(e.getMessage().contains("event.type"), e.getMessage());
    }

    @Test
    void everyTypeOfTheCatalogueMatchesItsSchema() {
        java.util.Random random = new java.util.Random(42);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 200; i++) {
            for (RecordedEvent event : StatusFoldPropertiesTest.sequence(random)) {
                RecordedEvent sealed = EventHashing.seal(event);
                assertEquals(sealed, EventCodec.decode(EventCodec.encode(sealed)), () -> EventCodec.encode(sealed));
                seen.add(sealed.event().type());
            }
        }
        assertEquals(new java.util.TreeSet<>(EventSchemas.TYPES), seen);
    }

    @Test
    void fineAmountsTravelAsExactDecimalStrings() {
        RecordedEvent fine = Fixtures.recorded(1, new FineImposed(new java.math.BigDecimal("4000000.10"), "RUB", "Court",
                null, null, Fixtures.effective("2025"), Fixtures.SOURCES));
        String json = EventCodec.encode(fine);
        assertTrue(json.contains("\"amount\":\"4000000.10\""), json);
        assertEquals(new java.math.BigDecimal("4000000.10"), ((FineImposed) EventCodec.decode(json).event()).amount());
    }
}
