package org.restrictionledger.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void anIntactChainIsValid() {
        ChainVerifier.Verification verification = ChainVerifier.verify(Fixtures.WHATSAPP, chain(4));
        assertTrue(verification.valid());
        assertEquals(4, verification.checked());
        assertNull(verification.firstBrokenLink());
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
        assertTrue(verification.firstBrokenLink().problem().contains("altered"));
    }

    @Test
    void aMissingEventAndARelinkedEventAreCaught() {
        List<RecordedEvent> events = chain(3);
        events.remove(1);
        assertEquals("stream version out of sequence",
                ChainVerifier.verify(Fixtures.WHATSAPP, events).firstBrokenLink().problem());

        List<RecordedEvent> relinked = chain(3);
        RecordedEvent second = relinked.get(1);
        relinked.set(1, EventHashing.seal(new RecordedEvent(second.eventId(), second.stream(), 2, second.position(),
                second.recordedAt(), second.commandId(), "f".repeat(64), null, second.event())));
        assertEquals("prevHash is not the hash of the previous event",
                ChainVerifier.verify(Fixtures.WHATSAPP, relinked).firstBrokenLink().problem());
    }
}
