package org.restrictionledger.ledger.domain;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Direction;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ChangeRestriction;
import org.restrictionledger.events.command.CorrectRecord;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.events.command.SettleFine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ledger rule, with the reason a reporter reads when it refuses. */
class DeciderTest {

    private static final StreamId STREAM = StreamId.parse("RU/whatsapp");
    private static final StreamId TELEGRAM = StreamId.parse("RU/telegram");
    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 13);
    private static final Effective FEB_12 = Effective.day(LocalDate.of(2026, 2, 12));

    private final List<RecordedEvent> history = new ArrayList<>();
    private final Map<UUID, StreamId> elsewhere = new java.util.HashMap<>();
    private final Decider.Context context = new Decider.Context(TODAY, id -> Optional.ofNullable(elsewhere.get(id)));

    private RecordedEvent record(LedgerEvent event) {
        RecordedEvent recorded = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), STREAM, history.size() + 1,
                history.size() + 1, Instant.now(), UUID.randomUUID(), EventHashing.GENESIS, null, event));
        history.add(recorded);
        return recorded;
    }

    private Decision decide(LedgerCommand command) {
        return Decider.decide(history, command, context);
    }

    private <E extends LedgerEvent> E accepted(LedgerCommand command, Class<E> type) {
        Decision decision = decide(command);
        Decision.Accept accept = assertInstanceOf(Decision.Accept.class, decision, decision::toString);
        return assertInstanceOf(type, accept.events().get(0));
    }

    private String rejected(LedgerCommand command) {
        Decision decision = decide(command);
        return assertInstanceOf(Decision.Reject.class, decision, decision::toString).reason();
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    private static ImposeRestriction impose(Measure measure, Effective effective, String... features) {
        return new ImposeRestriction(id(), STREAM, measure, List.of(features), "Roskomnadzor", null, "reason",
                effective, SOURCES, Instant.now());
    }

    private static LiftRestriction lift(Measure measure, UUID restrictionId, Effective effective) {
        return new LiftRestriction(id(), STREAM, measure, restrictionId, null, null, effective, SOURCES, Instant.now());
    }

    private static ChangeRestriction change(Measure from, Measure to, Effective effective, String... features) {
        return new ChangeRestriction(id(), STREAM, from, null, Direction.ESCALATED, to, List.of(features), null, null,
                null, effective, SOURCES, Instant.now());
    }

    private static ImposeFine fine(String amount, String currency) {
        return new ImposeFine(id(), STREAM, amount == null ? null : new BigDecimal(amount), currency, "Tagansky court",
                null, "content not removed", FEB_12, SOURCES, Instant.now());
    }

    private static SettleFine settle(SettleFine.Settlement how, UUID fineId) {
        return new SettleFine(id(), STREAM, how, fineId, null, null, FEB_12, SOURCES, Instant.now());
    }

    private static CorrectRecord retract(UUID target) {
        return new CorrectRecord(id(), STREAM, target, RecordCorrected.Action.RETRACT, null, "misreported", FEB_12,
                SOURCES, Instant.now());
    }

    private static Effective day(int year, int month, int day) {
        return Effective.day(LocalDate.of(year, month, day));
    }

    @Test
    void anImpositionOnAnOpenStreamIsAccepted() {
        assertEquals(Measure.FULL_BLOCK, accepted(impose(Measure.FULL_BLOCK, FEB_12), RestrictionImposed.class).measure());
    }

    @Test
    void aDuplicateImpositionIsRejectedAsADuplicate() {
        RecordedEvent limit = record(new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("voice_calls"), null, null,
                null, new Effective(LocalDate.of(2025, 1, 1), Precision.YEAR), SOURCES));
        assertEquals("duplicate: FEATURE_LIMIT of voice_calls is already active on RU/whatsapp since 2025-01-01 "
                + "(restriction " + limit.eventId() + ")", rejected(impose(Measure.FEATURE_LIMIT, FEB_12, "voice_calls")));
        accepted(impose(Measure.FEATURE_LIMIT, FEB_12, "video_calls"), RestrictionImposed.class);
    }

    @Test
    void reportingALiftedBlockAgainIsADuplicateUnlessItIsARepeat() {
        RecordedEvent block = record(new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Roskomnadzor", null,
                "reason", FEB_12, SOURCES));
        record(new RestrictionLifted(block.eventId(), Measure.FULL_BLOCK, null, null, day(2026, 2, 13), SOURCES));
        ImposeRestriction again = new ImposeRestriction(id(), STREAM, Measure.FULL_BLOCK, List.of(), " roskomnadzor ",
                null, "other words", FEB_12, SOURCES, Instant.now());
        String reason = rejected(again);
        assertTrue(reason.startsWith("duplicate: the same restriction.imposed (effective 2026-02-12) is recorded as event "
                + block.eventId() + " (v1)"), reason);
        ImposeRestriction repeat = new ImposeRestriction(id(), STREAM, Measure.FULL_BLOCK, List.of(), "Roskomnadzor",
                null, "blocked again", FEB_12, SOURCES, Instant.now(), true);
        accepted(repeat, RestrictionImposed.class);
        // Another day or another authority is another fact.
        accepted(impose(Measure.FULL_BLOCK, day(2026, 2, 13)), RestrictionImposed.class);
    }

    @Test
    void theSameFineTwiceIsADuplicateUnlessItIsARepeatAndARetractedOneNoLongerCounts() {
        RecordedEvent first = record(new FineImposed(new BigDecimal("4000000.00"), "RUB", "Tagansky court", null,
                "content not removed", FEB_12, SOURCES));
        assertTrue(rejected(fine("4000000", "RUB")).contains("recorded as event " + first.eventId()));
        accepted(fine("4000001", "RUB"), FineImposed.class);
        ImposeFine repeat = new ImposeFine(id(), STREAM, new BigDecimal("4000000"), "RUB", "Tagansky court", null,
                "a second fine", FEB_12, SOURCES, Instant.now(), true);
        accepted(repeat, FineImposed.class);
        record(new RecordCorrected(first.eventId(), RecordCorrected.Action.RETRACT, null, "misreported", FEB_12, SOURCES));
        accepted(fine("4000000", "RUB"), FineImposed.class);
    }

    @Test
    void anEffectiveDateMoreThanOneDayAheadIsRejected() {
        accepted(impose(Measure.FULL_BLOCK, day(2026, 2, 14)), RestrictionImposed.class);
        assertEquals("effective 2026-02-15 is in the future: the ledger records what took effect, at most one day "
                + "ahead (today is 2026-02-13)", rejected(impose(Measure.FULL_BLOCK, day(2026, 2, 15))));
    }

    @Test
    void liftingOrChangingWhatIsNotActiveIsRejected() {
        assertEquals("cannot lift: there is no FULL_BLOCK restriction active on RU/whatsapp",
                rejected(lift(Measure.FULL_BLOCK, null, FEB_12)));
        assertEquals("cannot change: there is no FEATURE_LIMIT restriction active on RU/whatsapp",
                rejected(change(Measure.FEATURE_LIMIT, Measure.FULL_BLOCK, FEB_12)));
        UUID unknown = id();
        assertEquals("cannot lift: restriction " + unknown + " is not active on RU/whatsapp",
                rejected(lift(Measure.FULL_BLOCK, unknown, FEB_12)));
    }

    @Test
    void anActiveRestrictionIsLiftedOnceAndNotBeforeItBegan() {
        RecordedEvent block = record(new RestrictionImposed(Measure.FULL_BLOCK, List.of(), null, null, null, FEB_12, SOURCES));
        assertTrue(rejected(lift(Measure.FULL_BLOCK, null, day(2026, 2, 1))).contains("before the restriction it ends"));
        RestrictionLifted lifted = accepted(lift(Measure.FULL_BLOCK, null, day(2026, 2, 13)), RestrictionLifted.class);
        assertEquals(block.eventId(), lifted.restrictionId());
        record(lifted);
        assertEquals("cannot lift: there is no FULL_BLOCK restriction active on RU/whatsapp",
                rejected(lift(Measure.FULL_BLOCK, null, day(2026, 2, 13))));
    }

    @Test
    void aChangeEscalatesTheActiveMeasureAndANonChangeIsRejected() {
        RecordedEvent limit = record(new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("voice_calls"), null, null,
                null, day(2025, 8, 1), SOURCES));
        RestrictionChanged changed = accepted(change(Measure.FEATURE_LIMIT, Measure.FULL_BLOCK, FEB_12), RestrictionChanged.class);
        assertEquals(limit.eventId(), changed.restrictionId());
        assertEquals("no change: restriction " + limit.eventId() + " is already FEATURE_LIMIT of voice_calls",
                rejected(change(Measure.FEATURE_LIMIT, Measure.FEATURE_LIMIT, FEB_12, "voice_calls")));
    }

    @Test
    void anAmbiguousLiftMustNameTheRestriction() {
        record(new RestrictionImposed(Measure.OTHER, List.of(), "A", null, null, day(2025, 1, 1), SOURCES));
        RecordedEvent second = record(new RestrictionImposed(Measure.OTHER, List.of("x"), "B", null, null, day(2025, 2, 1), SOURCES));
        assertTrue(rejected(lift(Measure.OTHER, null, FEB_12)).startsWith("ambiguous lift: 2 OTHER restrictions"));
        assertEquals(second.eventId(), accepted(lift(Measure.OTHER, second.eventId(), FEB_12), RestrictionLifted.class).restrictionId());
    }

    @Test
    void aCommandWhoseEventBreaksARuleOfTheContractIsRejectedWithThatRulesKind() {
        assertEquals(Decision.Code.INVALID_AMOUNT, code(fine("-5", "RUB")));
        assertEquals(Decision.Code.INVALID_AMOUNT, code(fine("100", null)));
        assertEquals(Decision.Code.INVALID_AMOUNT, code(fine("1" + "0".repeat(100), "RUB")));
        assertEquals(Decision.Code.UNKNOWN_CURRENCY, code(fine("100", "ZZZ")));
        assertEquals(Decision.Code.UNKNOWN_CURRENCY, code(fine("100", "rub")));
        // A producer other than ingest may send features that no event may hold: refused, never recorded.
        assertEquals(Decision.Code.INVALID, code(impose(Measure.FEATURE_LIMIT, FEB_12, "Voice Calls")));
        assertTrue(rejected(impose(Measure.FEATURE_LIMIT, FEB_12, "Voice Calls")).startsWith("a feature is a lower-case word"));
        record(new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "A", null, null, day(2025, 1, 1), SOURCES));
        assertEquals(Decision.Code.INVALID, code(change(Measure.FULL_BLOCK, null, FEB_12)), "a change to no measure");
    }

    private Decision.Code code(LedgerCommand command) {
        Decision decision = decide(command);
        return assertInstanceOf(Decision.Reject.class, decision, decision::toString).code();
    }

    @Test
    void aFineNeedsAPositiveAmountInAKnownCurrency() {
        assertEquals("a fine's amount must be greater than zero, was -5", rejected(fine("-5", "RUB")));
        assertEquals("a fine's amount must be greater than zero, was 0.00", rejected(fine("0.00", "RUB")));
        assertTrue(rejected(fine("100", "ZZZ")).startsWith("unknown currency 'ZZZ'"));
        assertTrue(rejected(fine("100", null)).startsWith("a fine's amount and currency come together"));
        assertEquals(new BigDecimal("4000000.00"), accepted(fine("4000000.00", "RUB"), FineImposed.class).amount());
        String huge = "1" + "0".repeat(40) + ".25";
        assertEquals(new BigDecimal(huge), accepted(fine(huge, "RUB"), FineImposed.class).amount());
        assertTrue(rejected(fine("1" + "0".repeat(100), "RUB")).startsWith("a fine's amount has at most 100 digits"));
        accepted(fine(null, null), FineImposed.class);
    }

    @Test
    void payingOrAnnullingAFineThatDoesNotExistOrIsSettledIsRejected() {
        UUID unknown = id();
        assertEquals("cannot pay: there is no fine " + unknown + " on RU/whatsapp",
                rejected(settle(SettleFine.Settlement.PAID, unknown)));
        RecordedEvent fine = record(accepted(fine("3000000.00", "RUB"), FineImposed.class));
        LedgerEvent paid = accepted(settle(SettleFine.Settlement.PAID, fine.eventId()), LedgerEvent.class);
        record(paid);
        assertEquals("cannot annul: fine " + fine.eventId() + " is already settled (paid 2026-02-12)",
                rejected(settle(SettleFine.Settlement.ANNULLED, fine.eventId())));
        assertEquals("cannot pay: fine " + fine.eventId() + " is already settled (paid 2026-02-12)",
                rejected(settle(SettleFine.Settlement.PAID, fine.eventId())));
    }

    @Test
    void aPlatformIsPromotedOnce() {
        PromoteAlternative promote = new PromoteAlternative(id(), STREAM, List.of("telegram"), List.of(), "Kremlin",
                null, FEB_12, SOURCES, Instant.now());
        record(accepted(promote, AlternativePromoted.class));
        assertTrue(rejected(promote).startsWith("duplicate: whatsapp is already promoted in RU since 2026-02-12"));
    }

    @Test
    void aCorrectionMustPointAtAnEventOfItsOwnStream() {
        UUID unknown = id();
        assertEquals("cannot correct: there is no event " + unknown + " in the ledger", rejected(retract(unknown)));
        UUID telegramEvent = id();
        elsewhere.put(telegramEvent, TELEGRAM);
        assertEquals("cannot correct: event " + telegramEvent + " belongs to RU/telegram, not RU/whatsapp",
                rejected(retract(telegramEvent)));
    }

    @Test
    void aCorrectionRetractsOnceAndAmendsWithTheSameType() {
        RecordedEvent block = record(new RestrictionImposed(Measure.FULL_BLOCK, List.of(), null, null, null, FEB_12, SOURCES));
        CorrectRecord wrongType = new CorrectRecord(id(), STREAM, block.eventId(), RecordCorrected.Action.AMEND,
                new FineImposed(null, null, null, null, null, FEB_12, SOURCES), "x", FEB_12, SOURCES, Instant.now());
        assertEquals("an amendment of a restriction.imposed must be a restriction.imposed, was fine.imposed",
                rejected(wrongType));

        RecordedEvent retraction = record(accepted(retract(block.eventId()), RecordCorrected.class));
        assertEquals("cannot correct: event " + block.eventId() + " is already retracted", rejected(retract(block.eventId())));
        assertEquals("cannot correct a correction: correct the original event instead",
                rejected(retract(retraction.eventId())));
    }
}
