package org.restrictionledger.ledger.domain;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.status.StatusFold;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The index of a stream's facts answers exactly what reading the whole history through its corrections answers (the
 * rule it replaced), while it follows a history that grows, event by event and in batches, with corrections among
 * the events. Seeded; {@code -Dfacts.seed=N} replays a run.
 */
class RecordedFactsTest {

    private static final long SEED = Long.getLong("facts.seed", System.nanoTime());
    private static final StreamId STREAM = StreamId.parse("RU/whatsapp");
    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));
    private static final List<Effective> DAYS = List.of(Effective.day(LocalDate.of(2025, 1, 1)),
            Effective.day(LocalDate.of(2025, 1, 2)), new Effective(LocalDate.of(2025, 3, 1), Precision.MONTH));
    private static final List<String> AUTHORITIES = List.of("Court", " court ", "Regulator");
    private static final List<String> AMOUNTS = List.of("100", "100.00", "250.5");

    /** What the Decider used to do for every report: every event of the history, read through its corrections. */
    private static Optional<RecordedEvent> bruteForce(List<RecordedEvent> history, LedgerEvent proposed,
                                                      BiPredicate<LedgerEvent, LedgerEvent> same) {
        Map<UUID, Optional<LedgerEvent>> corrected = StatusFold.corrections(history);
        for (RecordedEvent recorded : history) {
            LedgerEvent event = corrected.getOrDefault(recorded.eventId(), Optional.of(recorded.event())).orElse(null);
            if (event != null && same.test(event, proposed)) {
                return Optional.of(recorded);
            }
        }
        return Optional.empty();
    }

    /** The duplicate rule, as the Decider states it (authority compared without case and surrounding space). */
    private static boolean same(LedgerEvent recorded, LedgerEvent proposed) {
        if (recorded instanceof RestrictionImposed a && proposed instanceof RestrictionImposed b) {
            return a.measure() == b.measure() && a.features().equals(b.features())
                    && a.effective().equals(b.effective()) && a.authority().strip().equalsIgnoreCase(b.authority().strip());
        }
        if (recorded instanceof FineImposed a && proposed instanceof FineImposed b) {
            return a.amount().compareTo(b.amount()) == 0 && a.currency().equals(b.currency())
                    && a.effective().equals(b.effective()) && a.authority().strip().equalsIgnoreCase(b.authority().strip());
        }
        return false;
    }

    private static LedgerEvent fact(Random random) {
        Effective day = DAYS.get(random.nextInt(DAYS.size()));
        String authority = AUTHORITIES.get(random.nextInt(AUTHORITIES.size()));
        return random.nextBoolean()
                ? new RestrictionImposed(random.nextBoolean() ? Measure.THROTTLING : Measure.FULL_BLOCK,
                        random.nextBoolean() ? List.of() : List.of("voice_calls"), authority, null, null, day, SOURCES)
                : new FineImposed(new BigDecimal(AMOUNTS.get(random.nextInt(AMOUNTS.size()))),
                        random.nextBoolean() ? "RUB" : "USD", authority, null, null, day, SOURCES);
    }

    @Test
    void theIndexAnswersAsTheWholeHistoryReadThroughItsCorrectionsDoes() {
        Random random = new Random(SEED);
        for (int run = 0; run < 200; run++) {
            List<RecordedEvent> history = new ArrayList<>();
            RecordedFacts facts = new RecordedFacts();
            int size = 1 + random.nextInt(60);
            for (int i = 0; i < size; i++) {
                // Ask as the Decider does, before the event is appended: sometimes after several appends at once.
                if (random.nextInt(3) > 0) {
                    LedgerEvent proposed = fact(random);
                    assertEquals(bruteForce(history, proposed, RecordedFactsTest::same),
                            facts.earliestSame(history, proposed, RecordedFactsTest::same),
                            "seed " + SEED + " (replay with -Dfacts.seed=" + SEED + "), run " + run + ", event " + i);
                }
                LedgerEvent next = history.isEmpty() || random.nextInt(8) > 0 ? fact(random)
                        : correction(random, history);
                history.add(EventHashing.seal(new RecordedEvent(UUID.randomUUID(), STREAM, i + 1, i + 1,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), UUID.randomUUID(), EventHashing.GENESIS,
                        null, next)));
            }
        }
    }

    private static RecordCorrected correction(Random random, List<RecordedEvent> history) {
        RecordedEvent target = history.get(random.nextInt(history.size()));
        Effective day = DAYS.get(0);
        if (target.event() instanceof RecordCorrected || random.nextBoolean()) {
            return new RecordCorrected(target.eventId(), RecordCorrected.Action.RETRACT, null, "wrong", day, SOURCES);
        }
        LedgerEvent amended = target.event() instanceof RestrictionImposed
                ? new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Court", null, null, DAYS.get(1), SOURCES)
                : new FineImposed(new BigDecimal("250.50"), "USD", "Court", null, null, DAYS.get(1), SOURCES);
        return new RecordCorrected(target.eventId(), RecordCorrected.Action.AMEND, amended, "amended", day, SOURCES);
    }
}
