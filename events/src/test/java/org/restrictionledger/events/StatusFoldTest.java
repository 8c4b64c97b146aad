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
    void firstFactIsTheEarliestFactOnRecordWhateverDayIsAskedFor() {
        assertNull(StatusFold.fold(WHATSAPP, List.of()).firstFact(), "nothing on record");
        RecordedEvent later = recorded(1, imposed(Measure.FULL_BLOCK, "2026-02-12"));
        RecordedEvent earlier = recorded(2, imposed(Measure.THROTTLING, "2024-05"));
        List<RecordedEvent> events = List.of(later, earlier);
        assertEquals(Fixtures.effective("2024-05"), StatusFold.fold(WHATSAPP, events).firstFact());

        StreamStatus before = StatusFold.fold(WHATSAPP, events, java.time.LocalDate.of(2020, 1, 1));
        assertEquals(Status.OPEN, before.status());
        assertTrue(before.activeMeasures().isEmpty());
        assertEquals(Fixtures.effective("2024-05"), before.firstFact(), "the same, asked for a day before it");

        // A retracted fact is no fact: the first is then the next one; with every fact retracted there is none.
        RecordedEvent retraction = recorded(3, new RecordCorrected(earlier.eventId(), RecordCorrected.Action.RETRACT,
                null, "wrong", Fixtures.effective("2026-11-01"), Fixtures.SOURCES));
        assertEquals(Fixtures.effective("2026-02-12"), StatusFold.fold(WHATSAPP, List.of(later, earlier, retraction)).firstFact());
        assertNull(StatusFold.fold(WHATSAPP, List.of(earlier, retraction)).firstFact());
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

    @Test
    void aChangeTurnsTheMeasureIntoAnotherFromItsEffectiveDate() {
        RecordedEvent limit = recorded(1, imposed(Measure.FEATURE_LIMIT, "2025", "voice_calls"));
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of(limit, recorded(2, new RestrictionChanged(limit.eventId(),
                Direction.ESCALATED, Measure.FULL_BLOCK, List.of(), null, null, "escalated",
                Fixtures.effective("2026-02-12"), Fixtures.SOURCES))));
        assertEquals(Status.BLOCKED, status.status());
        assertEquals(limit.eventId(), status.activeMeasures().get(0).restrictionId());
        assertEquals(Fixtures.effective("2026-02-12"), status.since());
        assertEquals("Roskomnadzor", status.activeMeasures().get(0).authority());
    }

    @Test
    void finesAreCountedTotalledAndSettled() {
        RecordedEvent first = recorded(1, new FineImposed(new java.math.BigDecimal("3000000.00"), "RUB", "Tagansky court",
                LegalBasis.CONTENT_MODERATION, "content not removed", Fixtures.effective("2024-09"), Fixtures.SOURCES));
        RecordedEvent second = recorded(2, new FineImposed(new java.math.BigDecimal("4000000.00"), "RUB", "Tagansky court",
                null, null, Fixtures.effective("2025-03"), Fixtures.SOURCES));
        RecordedEvent third = recorded(3, new FineImposed(null, null, "Court", null, "amount not reported",
                Fixtures.effective("2025-06"), Fixtures.SOURCES));
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of(first, second, third,
                recorded(4, new FinePaid(first.eventId(), null, null, Fixtures.effective("2024-10"), Fixtures.SOURCES)),
                recorded(5, new FineAnnulled(second.eventId(), "Appeal court", null, Fixtures.effective("2025-05"), Fixtures.SOURCES))));
        assertEquals(2, status.fineSummary().count());
        assertEquals(List.of(new Money("RUB", new java.math.BigDecimal("3000000.00"))), status.fineSummary().totals());
        assertEquals(List.of(), status.fineSummary().outstanding());
        assertEquals(org.restrictionledger.events.status.Fine.State.ANNULLED, status.fine(second.eventId()).orElseThrow().state());
        assertEquals(Status.OPEN, status.status());
    }

    @Test
    void aPromotedAlternativeIsFlagged() {
        StreamStatus status = StatusFold.fold(StreamId.parse("RU/max"), List.of(recorded(1, new AlternativePromoted(
                List.of("whatsapp", "telegram"), List.of("government_services", "payments"), "Kremlin", null,
                Fixtures.effective("2026-02"), Fixtures.SOURCES))));
        assertTrue(status.promoted());
        assertEquals(List.of("whatsapp", "telegram"), status.promotion().replaces());
    }

    @Test
    void correctionsRetractAndAmendWithoutTouchingTheOriginal() {
        RecordedEvent block = recorded(1, imposed(Measure.FULL_BLOCK, "2026-02-12"));
        RecordedEvent limit = recorded(2, imposed(Measure.FEATURE_LIMIT, "2025", "voice_calls"));
        RecordedEvent retract = recorded(3, new RecordCorrected(block.eventId(), RecordCorrected.Action.RETRACT, null,
                "the block was misreported", Fixtures.effective("2026-02-13"), Fixtures.SOURCES));
        RecordedEvent amend = recorded(4, new RecordCorrected(limit.eventId(), RecordCorrected.Action.AMEND,
                imposed(Measure.FEATURE_LIMIT, "2025-07", "voice_calls", "video_calls"), "both kinds of calls",
                Fixtures.effective("2026-02-13"), Fixtures.SOURCES));
        StreamStatus status = StatusFold.fold(WHATSAPP, List.of(block, limit, retract, amend));
        assertEquals(Status.RESTRICTED, status.status());
        assertEquals(List.of("video_calls", "voice_calls"), status.restrictedFeatures());
        assertEquals(Fixtures.effective("2025-07"), status.since());
        assertEquals(4, status.version());
    }

    @Test
    void asOfCountsOnlyWhatWasInEffectButEveryCorrection() {
        RecordedEvent delisting = recorded(1, imposed(Measure.DOMAIN_DELISTING, "2025-12"));
        RecordedEvent block = recorded(2, imposed(Measure.FULL_BLOCK, "2026-02-12"));
        RecordedEvent retract = recorded(3, new RecordCorrected(delisting.eventId(), RecordCorrected.Action.RETRACT,
                null, "wrong", Fixtures.effective("2026-03-01"), Fixtures.SOURCES));
        assertEquals(Status.RESTRICTED, StatusFold.fold(WHATSAPP, List.of(delisting, block), java.time.LocalDate.of(2026, 1, 1)).status());
        assertEquals(Status.OPEN, StatusFold.fold(WHATSAPP, List.of(delisting, block, retract), java.time.LocalDate.of(2026, 1, 1)).status());
        assertEquals(Status.BLOCKED, StatusFold.fold(WHATSAPP, List.of(delisting, block, retract), java.time.LocalDate.of(2026, 2, 12)).status());
    }
}
