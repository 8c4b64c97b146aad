package org.restrictionledger.events.status;

import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A stream's status kept as its events arrive: after each, {@link #status()} equals {@link StatusFold#fold} of every
 * event so far, at the cost of applying the one new fact. An event that lands after every fact applied (in valid
 * time: the usual case) is applied to the status as it stands; a backdated one, or a correction, makes the stream
 * fold again from its events, once, when its status is next asked for.
 * <p>
 * A fold keeps the events it needs to fold again: all of them ({@link #StreamFold(StreamId)}, {@link #of}), or,
 * {@link #backedBy backed by a store}, only those not yet {@link #committed() committed} there, reading the rest from
 * the store when it must fold again; a cache of many long streams then holds their statuses, not their histories.
 * <p>
 * Not thread-safe: a stream is decided and projected by one thread at a time.
 */
public final class StreamFold {

    private final StreamId stream;
    /** Where the events before those kept here are, or null when every event is kept here. */
    private final Supplier<? extends Collection<RecordedEvent>> store;
    /** Every event folded in, or (backed by a store) those since the last {@link #committed()}. */
    private final Map<UUID, RecordedEvent> events = new LinkedHashMap<>();
    private StatusFold.Replay replay = new StatusFold.Replay(Set.of());
    private boolean refold;
    private long lastVersion;

    public StreamFold(StreamId stream) {
        this(stream, null);
    }

    private StreamFold(StreamId stream, Supplier<? extends Collection<RecordedEvent>> store) {
        this.stream = stream;
        this.store = store;
    }

    /**
     * A fold whose stored events are read from a store only when it must fold again: each event is added once (the
     * caller tells a redelivery from a new event), and {@link #committed()} says when those added are in the store.
     *
     * @param storedVersion the highest stream version in the store (0: the stream has none there)
     * @param store         the stream's events in the store, read inside the caller's transaction
     */
    public static StreamFold backedBy(StreamId stream, long storedVersion, Supplier<? extends Collection<RecordedEvent>> store) {
        StreamFold fold = new StreamFold(stream, store);
        fold.lastVersion = storedVersion;
        fold.refold = storedVersion > 0;
        return fold;
    }

    /** The events added so far are in the store now: a fold backed by it stops keeping them. */
    public void committed() {
        if (store != null) {
            events.clear();
        }
    }

    /** A fold of a history read from a store. */
    public static StreamFold of(StreamId stream, Collection<RecordedEvent> history) {
        StreamFold fold = new StreamFold(stream);
        history.forEach(e -> {
            if (fold.events.putIfAbsent(e.eventId(), e) == null) {
                fold.lastVersion = Math.max(fold.lastVersion, e.streamVersion());
            }
        });
        fold.refold = !fold.events.isEmpty();
        return fold;
    }

    /** Folds the event in; an event seen before changes nothing. */
    public void add(RecordedEvent recorded) {
        if (events.putIfAbsent(recorded.eventId(), recorded) != null) {
            return;
        }
        lastVersion = Math.max(lastVersion, recorded.streamVersion());
        if (refold) {
            return;
        }
        LedgerEvent event = recorded.event();
        StatusFold.Fact fact = new StatusFold.Fact(recorded.eventId(), recorded.streamVersion(), event);
        if (event instanceof RecordCorrected || replay.correctedIds.contains(recorded.eventId())
                || replay.lastApplied != null && StatusFold.Fact.VALID_TIME.compare(fact, replay.lastApplied) < 0) {
            refold = true;
            return;
        }
        replay.firstFact = StatusFold.earlier(replay.firstFact, event.effective());
        replay.recorded(recorded);
        replay.apply(fact);
    }

    /** The status with every event folded in so far. */
    public StreamStatus status() {
        if (refold) {
            replay = StatusFold.replay(all(), null);
            refold = false;
        }
        return replay.status(stream);
    }

    private Collection<RecordedEvent> all() {
        if (store == null) {
            return events.values();
        }
        Map<UUID, RecordedEvent> all = new LinkedHashMap<>();
        store.get().forEach(e -> all.putIfAbsent(e.eventId(), e));
        events.values().forEach(e -> all.putIfAbsent(e.eventId(), e));
        return all.values();
    }

    /** The highest stream version folded in (of any event, a correction or a retracted one too); 0 for none. */
    public long lastVersion() {
        return lastVersion;
    }

    public StreamId stream() {
        return stream;
    }
}
