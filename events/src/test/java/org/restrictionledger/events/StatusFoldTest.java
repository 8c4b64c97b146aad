package org.restrictionledger.events;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.restrictionledger.events.Fixtures.WHATSAPP;
import static org.restrictionledger.events.Fixtures.imposed;
import static org.restrictionledger.events.Fixtures.lifted;
import static org.restrictionledger.events.Fixtures.recorded;

class StatusFoldTest {

    @Test
    void noEventsIsOpenAndNeverRestricted() {
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of());
        assertEquals(Status.OPEN, status.status());
        assertNull(status.since());
        assertEquals(0, status.version());
    }

    @Test
    void fullBlockTakesPrecedenceOverLimitsAndDelisting() {
        List<RecordedEvent> events = List.of(
                recorded(1, imposed(Measure.FEATURE_LIMIT, "2025", "voice_calls")),
                recorded(2, imposed(Measure.DOMAIN_DELISTING, "2025-12")),
                recorded(3, imposed(Measure.FULL_BLOCK, "2026-02-12")));
        StreamStatus status = StatusFold.fold(WHATSAPP, events);
        assertEquals(Status.BLOCKED, status.status());
        assertEquals(Fixtures.effective("2026-02-12"), status.since());
        assertEquals(3, status.activeMeasures().size());
        assertEquals(List.of("voice_calls"), status.restrictedFeatures());
        assertEquals(3, status.version());
        assertEquals(events.get(2).recordedAt(), status.lastChange());
    }

    @Test
    void restrictedOutranksThrottledAndSinceIsTheEarliestMeasureOfTheWinningKind() {
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of(
                recorded(1, imposed(Measure.THROTTLING, "2024")),
                recorded(2, imposed(Measure.APP_STORE_REMOVAL, "2025-06")),
                recorded(3, imposed(Measure.OTHER, "2025-03"))));
        assertEquals(Status.RESTRICTED, status.status());
        assertEquals(Fixtures.effective("2025-03"), status.since());
    }

    @Test
    void liftingTheOnlyMeasureOpensTheStreamSinceTheLift() {
        RecordedEvent block = recorded(1, imposed(Measure.FULL_BLOCK, "2022-03-04"));
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of(block,
                recorded(2, lifted(block.eventId(), Measure.FULL_BLOCK, "2024-05-01"))));
        assertEquals(Status.OPEN, status.status());
        assertTrue(status.activeMeasures().isEmpty());
        assertEquals(Fixtures.effective("2024-05-01"), status.since());
        assertEquals(2, status.version());
    }

    @Test
    void liftingABlockLeavesTheOtherMeasuresInForce() {
        RecordedEvent limit = recorded(1, imposed(Measure.FEATURE_LIMIT, "2025", "voice_calls"));
        RecordedEvent block = recorded(2, imposed(Measure.FULL_BLOCK, "2026-02"));
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of(limit, block,
                recorded(3, lifted(block.eventId(), Measure.FULL_BLOCK, "2026-03"))));
        assertEquals(Status.RESTRICTED, status.status());
        assertEquals(List.of(limit.eventId()), status.activeMeasures().stream().map(m -> m.restrictionId()).toList());
    }

    @Test
    void aBackdatedReportIsPlacedByItsEffectiveDate() {
        // Recorded last, took effect first: a block lifted in 2024, then a block reported late for 2022.
        RecordedEvent throttle = recorded(1, imposed(Measure.THROTTLING, "2024-08"));
        RecordedEvent lateBlock = recorded(2, imposed(Measure.FULL_BLOCK, "2022-03-04"));
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of(throttle, lateBlock));
        assertEquals(Status.BLOCKED, status.status());
        assertEquals(Fixtures.effective("2022-03-04"), status.since());
    }

    @Test
    void foldingTheSameEventTwiceChangesNothing() {
        List<RecordedEvent> events = new ArrayList<>(List.of(
                recorded(1, imposed(Measure.FEATURE_LIMIT, "2025", "voice_calls")),
                recorded(2, imposed(Measure.FULL_BLOCK, "2026-02"))));
        StreamStatus once = StatusFold.fold(WHATSAPP, events);
        events.addAll(List.copyOf(events));
        Collections.reverse(events);
        assertEquals(once, StatusFold.fold(WHATSAPP, events));
    }
}
