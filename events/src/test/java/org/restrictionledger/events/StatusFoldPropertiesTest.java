package org.restrictionledger.events;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Properties of the status fold over many random event sequences. Each run draws a new seed, printed with any failure
 * together with the sequence; {@code -Dfold.seed=N} replays a run and {@code -Dfold.runs=N} sets how many sequences
 * each property tries (default 500).
 */
class StatusFoldPropertiesTest {

    private static final long SEED = Long.getLong("fold.seed", System.nanoTime());
    private static final int RUNS = Integer.getInteger("fold.runs", 500);
    private static final StreamId STREAM = StreamId.parse("RU/whatsapp");
    private static final List<Source> SOURCES = List.of(new Source(null, "Generated", null));
    private static final Measure[] MEASURES = Measure.values();
    private static final String[] CURRENCIES = {"RUB", "USD", "EUR"};

    @Test
    void applyingASequenceTwiceEqualsApplyingItOnce() {
        forEachSequence((random, events, context) -> {
            List<RecordedEvent> twice = new ArrayList<>(events);
            twice.addAll(events);
            Collections.shuffle(twice, random);
            assertEquals(StatusFold.fold(STREAM, events), StatusFold.fold(STREAM, twice), context);
        });
    }

    @Test
    void theOrderOfArrivalDoesNotChangeTheStatus() {
        forEachSequence((random, events, context) -> {
            List<RecordedEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertEquals(StatusFold.fold(STREAM, events), StatusFold.fold(STREAM, shuffled), context);
        });
    }

    @Test
    void aRetractedEventLeavesTheStatusAsIfItNeverHappened() {
        forEachSequence((random, events, context) -> {
            List<RecordedEvent> facts = events.stream().filter(e -> !(e.event() instanceof RecordCorrected)).toList();
            RecordedEvent target = facts.get(random.nextInt(facts.size()));
            List<RecordedEvent> retracted = new ArrayList<>(events);
            retracted.add(recorded(events.size() + 1, new RecordCorrected(target.eventId(),
                    RecordCorrected.Action.RETRACT, null, "wrong", Effective.day(LocalDate.of(2026, 6, 1)), SOURCES)));
            List<RecordedEvent> without = events.stream().filter(e -> e != target).toList();
            assertEquals(facts(StatusFold.fold(STREAM, without)), facts(StatusFold.fold(STREAM, retracted)),
                    () -> context.get() + "\nretracted: v" + target.streamVersion());
        });
    }

    @Test
    void everyStatusTheFoldProducesIsADocumentOfTheStatusSchema() {
        // What the ledger publishes on restrictions.status.v1 without validating it at run time.
        forEachSequence((random, events, context) -> {
            for (int n = 1; n <= events.size(); n++) {
                StreamStatus status = StatusFold.fold(STREAM, events.subList(0, n));
                String document = status.document(events.get(n - 1).eventId());
                assertEquals(List.of(), EventSchemas.validate(EventSchemas.STATUS, Json.tree(document)),
                        () -> context.get() + "\ndocument: " + document);
            }
        });
    }

    /** The status without its bookkeeping (version, last change), which a correction rightly moves. */
    private static StreamStatus facts(StreamStatus s) {
        return new StreamStatus(s.stream(), s.status(), s.activeMeasures(), s.restrictedFeatures(), s.since(), s.firstFact(),
                s.promoted(), s.promotion(), s.fines(), s.fineSummary(), 0, null);
    }

    private interface Property {
        void check(Random random, List<RecordedEvent> events, Supplier<String> context);
    }

    private static void forEachSequence(Property property) {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            List<RecordedEvent> events = sequence(random);
            int runNumber = run;
            property.check(random, events, () -> "fold property failed: seed=" + SEED + " (replay with -Dfold.seed="
                    + SEED + "), run " + runNumber + ", sequence:\n" + describe(events));
        }
    }

    /** A random stream history: up to 14 events on distinct days, referring to each other as real ones do. */
    static List<RecordedEvent> sequence(Random random) {
        int size = 1 + random.nextInt(14);
        TreeSet<Integer> days = new TreeSet<>();
        while (days.size() < size) {
            days.add(random.nextInt(365 * 6));
        }
        List<Integer> dayList = new ArrayList<>(days);
        Collections.shuffle(dayList, random);

        List<RecordedEvent> events = new ArrayList<>();
        List<UUID> restrictions = new ArrayList<>();
        List<UUID> fines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Effective effective = Effective.day(LocalDate.of(2020, 1, 1).plusDays(dayList.get(i)));
            UUID anyRestriction = restrictions.isEmpty() ? UUID.randomUUID() : restrictions.get(random.nextInt(restrictions.size()));
            UUID anyFine = fines.isEmpty() ? UUID.randomUUID() : fines.get(random.nextInt(fines.size()));
            Measure measure = MEASURES[random.nextInt(MEASURES.length)];
            List<String> features = random.nextBoolean() ? List.of() : List.of(random.nextBoolean() ? "voice_calls" : "video_calls");
            LedgerEvent event = switch (random.nextInt(9)) {
                case 0, 1 -> new RestrictionImposed(measure, features, "A", null, null, effective, SOURCES);
                case 2 -> new RestrictionChanged(anyRestriction, Direction.ESCALATED, measure, features, null, null,
                        null, effective, SOURCES);
                case 3 -> new RestrictionLifted(anyRestriction, measure, null, null, effective, SOURCES);
                case 4 -> new FineImposed(BigDecimal.valueOf(1 + random.nextInt(1_000_000), 2),
                        CURRENCIES[random.nextInt(CURRENCIES.length)], "Court", null, null, effective, SOURCES);
                case 5 -> new FinePaid(anyFine, null, null, effective, SOURCES);
                case 6 -> new FineAnnulled(anyFine, null, null, effective, SOURCES);
                case 7 -> new AlternativePromoted(List.of("whatsapp"), List.of("payments"), "State", null, effective, SOURCES);
                default -> events.isEmpty()
                        ? new RestrictionImposed(measure, features, "A", null, null, effective, SOURCES)
                        : new RecordCorrected(events.get(random.nextInt(events.size())).eventId(),
                                RecordCorrected.Action.AMEND,
                                new RestrictionImposed(measure, features, "amended", null, null, effective, SOURCES),
                                "amended", effective, SOURCES);
            };
            RecordedEvent recorded = recorded(i + 1, event);
            if (event instanceof RestrictionImposed) {
                restrictions.add(recorded.eventId());
            } else if (event instanceof FineImposed) {
                fines.add(recorded.eventId());
            }
            events.add(recorded);
        }
        return events;
    }

    private static RecordedEvent recorded(long version, LedgerEvent event) {
        return new RecordedEvent(UUID.randomUUID(), STREAM, version, version,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version), UUID.randomUUID(), EventHashing.GENESIS,
                EventHashing.GENESIS, event);
    }

    private static String describe(List<RecordedEvent> events) {
        return events.stream()
                .map(e -> "  v" + e.streamVersion() + " " + e.eventId() + " " + e.event())
                .collect(Collectors.joining("\n"));
    }
}
