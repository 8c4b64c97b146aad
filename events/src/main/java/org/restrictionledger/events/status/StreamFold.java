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

/**
 * A stream's status kept as its events arrive: after each, {@link #status()} equals {@link StatusFold#fold} of every
 * event so far, at the cost of applying the one new fact. An event that lands after every fact applied (in valid
 * time: the usual case) is applied to the status as it stands; a backdated one, or a correction, makes the stream
 * fold again from its events, once, when its status is next asked for.
 * <p>
 * Not thread-safe: a stream is decided and projected by one thread at a time.
 */
public final class StreamFold {

    private final StreamId stream;
    private final Map<UUID, RecordedEvent> events = new LinkedHashMap<>();
    private StatusFold.Replay replay = new StatusFold.Replay(Set.of());
    private boolean refold;
    private long lastVersion;

    public StreamFold(StreamId stream) {
        this.stream = stream;
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
            replay = StatusFold.replay(events.values(), null);
            refold = false;
        }
        return replay.status(stream);
    }

    /** The highest stream version folded in (of any event, a correction or a retracted one too); 0 for none. */
    public long lastVersion() {
        return lastVersion;
    }

    public StreamId stream() {
        return stream;
    }
}
