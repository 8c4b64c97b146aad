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

    @Test
    void sealingSerialisesOnceToTheBytesThatAreHashedStoredAndPublished() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            for (RecordedEvent event : StatusFoldPropertiesTest.sequence(random)) {
                RecordedEvent unsealed = new RecordedEvent(event.eventId(), event.stream(), event.streamVersion(),
                        event.position(), event.recordedAt(), event.commandId(), event.prevHash(), null, event.event(),
                        i % 2 == 0 ? null : new Submitter("reporter-" + i, "A \"hash\":null reporter"));
                EventCodec.Sealed sealed = EventCodec.seal(unsealed);
                RecordedEvent expected = EventHashing.seal(unsealed);
                assertEquals(expected, sealed.event());
                assertEquals(Json.write(expected), sealed.data());
                assertEquals(expected.hash(), EventHashing.hashOf(sealed.data()));
            }
        }
    }

    @Test
    void aReporterCannotMoveTheHashMemberWithTextThatLooksLikeIt() {
        RecordedEvent unsealed = Fixtures.recorded(1, Fixtures.imposedBy(",\"hash\":null,\"event\":", Measure.FULL_BLOCK, "2026"))
                .withHash(null);
        EventCodec.Sealed sealed = EventCodec.seal(unsealed);
        assertEquals(EventHashing.hashOf(unsealed), sealed.event().hash());
        assertEquals(sealed.event(), EventCodec.decode(sealed.data()));
        assertThrows(IllegalArgumentException.class, () -> EventCodec.seal(sealed.event()));
    }

    @Test
    void aRecordIsReadOnlyWhenItsHeadersSayWhatItsDataIs() {
        RecordedEvent event = Fixtures.recorded(1, Fixtures.imposed(Measure.FULL_BLOCK, "2026-02"));
        java.util.Map<String, String> headers = CloudEvents.headers(event, "/test", "http://ledger/contract");
        assertEquals("1.0", headers.get(CloudEvents.HEADER_SPEC_VERSION));
        assertEquals("http://ledger/contract/schemas/restriction.imposed.v1.json", headers.get(CloudEvents.HEADER_DATA_SCHEMA));
        assertEquals("1", headers.get(CloudEvents.HEADER_STREAM_VERSION));
        assertEquals(event, CloudEvents.read(EventCodec.encode(event), headers::get));

        java.util.Map<String, String> wrong = new java.util.HashMap<>(headers);
        wrong.put(CloudEvents.HEADER_TYPE, "org.restrictionledger.fine.imposed.v1");
        wrong.remove(CloudEvents.HEADER_SPEC_VERSION);
        EventCodec.InvalidEventException e = assertThrows(EventCodec.InvalidEventException.class,
                () -> CloudEvents.read(EventCodec.encode(event), wrong::get));
        assertTrue(e.getMessage().contains("ce_type is 'org.restrictionledger.fine.imposed.v1'"), e.getMessage());
        assertTrue(e.getMessage().contains("ce_specversion is absent"), e.getMessage());
        assertThrows(EventCodec.InvalidEventException.class, () -> CloudEvents.read(null, headers::get));
        assertThrows(EventCodec.InvalidEventException.class, () -> CloudEvents.read("{}", headers::get));
    }
}
