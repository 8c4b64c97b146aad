package org.restrictionledger.events;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventHashingTest {

    @Test
    void theHashIsSha256HexAndStableAcrossAJsonRoundTrip() {
        RecordedEvent event = Fixtures.recorded(1, Fixtures.imposed(Measure.FULL_BLOCK, "2026-02"));
        assertTrue(event.hash().matches("[0-9a-f]{64}"), event.hash());
        RecordedEvent decoded = Json.read(Json.write(event), RecordedEvent.class);
        assertEquals(event, decoded);
        assertEquals(event.hash(), EventHashing.hashOf(decoded));
    }

    @Test
    void anyChangeToTheEventOrItsPredecessorChangesTheHash() {
        RecordedEvent event = Fixtures.recorded(1, Fixtures.imposed(Measure.FULL_BLOCK, "2026-02"));
        RecordedEvent otherMeasure = EventHashing.seal(new RecordedEvent(event.eventId(), event.stream(), 1,
                event.position(), event.recordedAt(), event.commandId(), event.prevHash(), null,
                Fixtures.imposed(Measure.THROTTLING, "2026-02")));
        RecordedEvent otherPrev = EventHashing.seal(new RecordedEvent(event.eventId(), event.stream(), 1,
                event.position(), event.recordedAt(), event.commandId(), "1".repeat(64), null, event.event()));
        assertNotEquals(event.hash(), otherMeasure.hash());
        assertNotEquals(event.hash(), otherPrev.hash());
    }

    @Test
    void theHashDoesNotDependOnTheHashFieldItself() {
        RecordedEvent event = Fixtures.recorded(1, Fixtures.imposed(Measure.OTHER, "2026"));
        assertEquals(event.hash(), EventHashing.hashOf(event.withHash(UUID.randomUUID().toString())));
    }
}
