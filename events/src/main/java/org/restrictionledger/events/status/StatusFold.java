package org.restrictionledger.events.status;

import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.StreamId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The pure fold from a stream's events to its status, shared by the ledger (to check commands) and the query side (to
 * project and to answer time-travel queries).
 * <ol>
 *   <li>Each event counts once, however often it arrives (redelivery changes nothing).</li>
 *   <li>Corrections are read first, in recording order: a retracted event is left out, an amended one is replaced
 *       by its amendment. The latest correction of an event wins.</li>
 *   <li>The rest applies in valid-time order (effective date, then stream version), so a backdated report lands
 *       where it belongs whatever its arrival order.</li>
 * </ol>
 */
public final class StatusFold {

    private StatusFold() {
    }

    /** The status with everything the events say. */
    public static StreamStatus fold(StreamId stream, Collection<RecordedEvent> events) {
        return fold(stream, events, null);
    }

    /**
     * The status as it was on {@code asOf} (valid time): only facts effective on or before that day count, read
     * through every correction known, whenever it was made. Null means no limit.
     */
    public static StreamStatus fold(StreamId stream, Collection<RecordedEvent> events, LocalDate asOf) {
        Map<UUID, RecordedEvent> distinct = new LinkedHashMap<>();
        events.forEach(e -> distinct.putIfAbsent(e.eventId(), e));
        return replay(distinct.values(), asOf).status(stream);
    }

    /** Every fact of these distinct events applied in valid-time order, read through their corrections. */
    static Replay replay(Collection<RecordedEvent> distinct, LocalDate asOf) {
        Map<UUID, Optional<LedgerEvent>> corrected = corrections(distinct);
        List<Fact> facts = new ArrayList<>();
        Replay replay = new Replay(corrected.keySet());
        for (RecordedEvent recorded : distinct) {
            LedgerEvent event = recorded.event();
            if (!(event instanceof RecordCorrected)) {
                event = corrected.getOrDefault(recorded.eventId(), Optional.of(event)).orElse(null);
                if (event == null) {
                    continue;
                }
                replay.firstFact = earlier(replay.firstFact, event.effective());
                if (asOf != null && event.effective().date().isAfter(asOf)) {
                    continue;
                }
                facts.add(new Fact(recorded.eventId(), recorded.streamVersion(), event));
            }
            replay.recorded(recorded);
        }
        facts.sort(Fact.VALID_TIME);
        facts.forEach(replay::apply);
        return replay;
    }

    static Effective earlier(Effective a, Effective b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    /** Target event id → its corrected form (empty: retracted), the latest correction winning. */
    public static Map<UUID, Optional<LedgerEvent>> corrections(Collection<RecordedEvent> events) {
        Map<UUID, Optional<LedgerEvent>> corrected = new HashMap<>();
        events.stream()
                .filter(e -> e.event() instanceof RecordCorrected)
                .sorted(Comparator.comparingLong(RecordedEvent::streamVersion))
                .forEach(e -> {
                    RecordCorrected c = (RecordCorrected) e.event();
                    corrected.put(c.targetEventId(), c.action() == RecordCorrected.Action.RETRACT
                            ? Optional.empty() : Optional.ofNullable(c.amended()));
                });
        return corrected;
    }

    /** A fact to apply: an event that is not a correction, in the form its corrections left it. */
    record Fact(UUID eventId, long version, LedgerEvent event) {
        /** The order facts apply in: effective date, then stream version. */
        static final Comparator<Fact> VALID_TIME = Comparator.comparing((Fact f) -> f.event().effective())
                .thenComparingLong(Fact::version);
    }

    /**
     * The state of a fold: what the facts applied so far say, the last of them (in valid-time order), and what every
     * event folded in says of the stream (its version, its last change, its earliest fact).
     */
    static final class Replay {
        /** The events a correction names: what they say was read through it. */
        final java.util.Set<UUID> correctedIds;
        private final Map<UUID, ActiveMeasure> active = new LinkedHashMap<>();
        private final Map<UUID, Fine> fines = new LinkedHashMap<>();
        private Promotion promotion;
        private Effective lastLift;
        Fact lastApplied;
        Effective firstFact;
        long version;
        Instant lastChange;

        Replay(java.util.Set<UUID> correctedIds) {
            this.correctedIds = correctedIds;
        }

        void recorded(RecordedEvent recorded) {
            version = Math.max(version, recorded.streamVersion());
            lastChange = lastChange == null || recorded.recordedAt().isAfter(lastChange) ? recorded.recordedAt() : lastChange;
        }

        void apply(Fact fact) {
            lastApplied = fact;
            LedgerEvent event = fact.event();
            switch (event) {
                case RestrictionImposed e -> active.put(fact.eventId(), new ActiveMeasure(fact.eventId(), e.measure(),
                        e.features(), e.authority(), e.legalBasis(), e.reason(), e.effective(), e.sources()));
                case RestrictionChanged e -> active.computeIfPresent(e.restrictionId(), (id, m) -> new ActiveMeasure(id,
                        e.measure(), e.features(),
                        e.authority() != null ? e.authority() : m.authority(),
                        e.legalBasis() != null ? e.legalBasis() : m.legalBasis(),
                        e.reason() != null ? e.reason() : m.reason(), e.effective(), e.sources()));
                case RestrictionLifted e -> {
                    if (active.remove(e.restrictionId()) != null) {
                        lastLift = e.effective();
                    }
                }
                case FineImposed e -> {
                    Money amount = e.amount() == null ? null : new Money(e.currency(), e.amount());
                    fines.put(fact.eventId(), new Fine(fact.eventId(), amount, e.authority(), e.legalBasis(), e.reason(),
                            e.effective(), Fine.State.OUTSTANDING, null, e.sources()));
                }
                case FinePaid e -> settle(e.fineId(), Fine.State.PAID, e.effective());
                case FineAnnulled e -> settle(e.fineId(), Fine.State.ANNULLED, e.effective());
                case AlternativePromoted e ->
                        promotion = new Promotion(e.replaces(), e.services(), e.authority(), e.reason(), e.effective());
                case RecordCorrected c ->
                        throw new IllegalStateException("a correction is read before the facts, never applied as one");
            }
        }

        private void settle(UUID fineId, Fine.State state, Effective on) {
            fines.computeIfPresent(fineId, (id, f) -> f.state() == Fine.State.OUTSTANDING ? f.settle(state, on) : f);
        }

        StreamStatus status(StreamId stream) {
            List<ActiveMeasure> measures = List.copyOf(active.values());
            Status status = measures.stream().map(m -> Status.of(m.measure())).reduce(Status.OPEN, Status::over);
            Effective since = status == Status.OPEN
                    ? lastLift
                    : measures.stream().filter(m -> Status.of(m.measure()) == status).map(ActiveMeasure::since)
                            .min(Comparator.naturalOrder()).orElseThrow();
            List<String> features = List.copyOf(new TreeSet<>(measures.stream().flatMap(m -> m.features().stream()).toList()));
            return new StreamStatus(stream, status, measures, features, since, firstFact, promotion != null, promotion,
                    List.copyOf(fines.values()), FineSummary.of(fines.values()), version, lastChange);
        }
    }
}
