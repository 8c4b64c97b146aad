package org.restrictionledger.ledger.domain;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeciderTest {

    private static final StreamId STREAM = StreamId.parse("RU/whatsapp");
    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final List<RecordedEvent> history = new ArrayList<>();

    private StreamStatus current() {
        return StatusFold.fold(STREAM, history);
    }

    private RecordedEvent record(LedgerEvent event) {
        RecordedEvent recorded = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), STREAM, history.size() + 1,
                history.size() + 1, Instant.now(), UUID.randomUUID(), EventHashing.GENESIS, null, event));
        history.add(recorded);
        return recorded;
    }

    private static ImposeRestriction impose(Measure measure, LocalDate date, String... features) {
        return new ImposeRestriction(UUID.randomUUID(), STREAM, measure, List.of(features), "Roskomnadzor", null,
                "reason", Effective.day(date), SOURCES, Instant.now());
    }

    private static LiftRestriction lift(Measure measure, UUID restrictionId, LocalDate date) {
        return new LiftRestriction(UUID.randomUUID(), STREAM, measure, restrictionId, null, null, Effective.day(date),
                SOURCES, Instant.now());
    }

    @Test
    void anImpositionOnAnOpenStreamIsAccepted() {
        Decision.Accept accept = assertInstanceOf(Decision.Accept.class,
                Decider.decide(current(), impose(Measure.FULL_BLOCK, LocalDate.of(2026, 2, 12))));
        RestrictionImposed event = assertInstanceOf(RestrictionImposed.class, accept.events().get(0));
        assertEquals(Measure.FULL_BLOCK, event.measure());
    }

    @Test
    void theSameMeasureWithTheSameFeaturesStillActiveIsADuplicate() {
        record(new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("voice_calls"), null, null, null,
                new Effective(LocalDate.of(2025, 1, 1), Precision.YEAR), SOURCES));
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                Decider.decide(current(), impose(Measure.FEATURE_LIMIT, LocalDate.of(2025, 8, 1), "voice_calls")));
        assertTrue(reject.reason().startsWith("duplicate: FEATURE_LIMIT of voice_calls is already active on RU/whatsapp"),
                reject.reason());
        assertInstanceOf(Decision.Accept.class,
                Decider.decide(current(), impose(Measure.FEATURE_LIMIT, LocalDate.of(2025, 8, 1), "video_calls")));
    }

    @Test
    void liftingARestrictionThatIsNotActiveIsRejectedWithAReasonThatSaysSo() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                Decider.decide(current(), lift(Measure.FULL_BLOCK, null, LocalDate.of(2026, 3, 1))));
        assertEquals("cannot lift: there is no FULL_BLOCK restriction active on RU/whatsapp", reject.reason());

        UUID unknown = UUID.randomUUID();
        Decision.Reject byId = assertInstanceOf(Decision.Reject.class,
                Decider.decide(current(), lift(Measure.FULL_BLOCK, unknown, LocalDate.of(2026, 3, 1))));
        assertEquals("cannot lift: restriction " + unknown + " is not active on RU/whatsapp", byId.reason());
    }

    @Test
    void anActiveRestrictionIsLiftedAndASecondLiftIsRejected() {
        RecordedEvent block = record(new RestrictionImposed(Measure.FULL_BLOCK, List.of(), null, null, null,
                Effective.day(LocalDate.of(2026, 2, 12)), SOURCES));
        Decision.Accept accept = assertInstanceOf(Decision.Accept.class,
                Decider.decide(current(), lift(Measure.FULL_BLOCK, null, LocalDate.of(2026, 3, 1))));
        RestrictionLifted lifted = assertInstanceOf(RestrictionLifted.class, accept.events().get(0));
        assertEquals(block.eventId(), lifted.restrictionId());

        record(lifted);
        assertInstanceOf(Decision.Reject.class,
                Decider.decide(current(), lift(Measure.FULL_BLOCK, null, LocalDate.of(2026, 3, 2))));
    }

    @Test
    void aLiftCannotTakeEffectBeforeTheRestrictionItEnds() {
        record(new RestrictionImposed(Measure.THROTTLING, List.of(), null, null, null,
                Effective.day(LocalDate.of(2024, 8, 1)), SOURCES));
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class,
                Decider.decide(current(), lift(Measure.THROTTLING, null, LocalDate.of(2024, 7, 1))));
        assertTrue(reject.reason().contains("before the restriction it ends"), reject.reason());
    }

    @Test
    void anAmbiguousLiftMustNameTheRestriction() {
        record(new RestrictionImposed(Measure.OTHER, List.of(), "A", null, null, Effective.day(LocalDate.of(2025, 1, 1)), SOURCES));
        RecordedEvent second = record(new RestrictionImposed(Measure.OTHER, List.of("x"), "B", null, null,
                Effective.day(LocalDate.of(2025, 2, 1)), SOURCES));
        assertInstanceOf(Decision.Reject.class, Decider.decide(current(), lift(Measure.OTHER, null, LocalDate.of(2026, 1, 1))));
        Decision.Accept accept = assertInstanceOf(Decision.Accept.class,
                Decider.decide(current(), lift(Measure.OTHER, second.eventId(), LocalDate.of(2026, 1, 1))));
        assertEquals(second.eventId(), ((RestrictionLifted) accept.events().get(0)).restrictionId());
    }
}
