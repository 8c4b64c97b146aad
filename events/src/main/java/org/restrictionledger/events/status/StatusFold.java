package org.restrictionledger.events.status;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.StreamId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The pure fold from a stream's events to its status, shared by the ledger (to check commands) and the query side (to
 * project and to answer time-travel queries). Events apply in valid-time order (effective date, then stream version),
 * so a backdated report lands where it belongs; applying the same event twice changes nothing.
 */
public final class StatusFold {

    /** Valid-time order: effective date first, recording order among equals. */
    public static final Comparator<RecordedEvent> VALID_TIME =
            Comparator.<RecordedEvent, Effective>comparing(e -> e.event().effective())
                    .thenComparingLong(RecordedEvent::streamVersion);

    private StatusFold() {
    }

    public static StreamStatus fold(StreamId stream, Collection<RecordedEvent> events) {
        Map<UUID, RecordedEvent> distinct = new LinkedHashMap<>();
        events.forEach(e -> distinct.putIfAbsent(e.eventId(), e));

        Map<UUID, ActiveMeasure> active = new LinkedHashMap<>();
        Effective lastLift = null;
        long version = 0;
        Instant lastChange = null;
        for (RecordedEvent recorded : distinct.values().stream().sorted(VALID_TIME).toList()) {
            LedgerEvent event = recorded.event();
            if (event instanceof RestrictionImposed imposed) {
                active.put(recorded.eventId(), new ActiveMeasure(recorded.eventId(), imposed.measure(), imposed.features(),
                        imposed.authority(), imposed.legalBasis(), imposed.reason(), imposed.effective(), imposed.sources()));
            } else if (event instanceof RestrictionLifted lifted) {
                if (active.remove(lifted.restrictionId()) != null) {
                    lastLift = lifted.effective();
                }
            } else {
                throw new IllegalStateException("no fold rule for " + event.type());
            }
            version = Math.max(version, recorded.streamVersion());
            if (lastChange == null || recorded.recordedAt().isAfter(lastChange)) {
                lastChange = recorded.recordedAt();
            }
        }
        return status(stream, List.copyOf(active.values()), lastLift, version, lastChange);
    }

    private static StreamStatus status(StreamId stream, List<ActiveMeasure> active, Effective lastLift, long version,
                                       Instant lastChange) {
        Status status = active.stream().map(m -> Status.of(m.measure())).reduce(Status.OPEN, Status::over);
        Effective since = status == Status.OPEN
                ? lastLift
                : active.stream().filter(m -> Status.of(m.measure()) == status).map(ActiveMeasure::since)
                        .min(Comparator.naturalOrder()).orElseThrow();
        List<String> features = new ArrayList<>(new TreeSet<>(active.stream().flatMap(m -> m.features().stream()).toList()));
        return new StreamStatus(stream, status, active, features, since, false, version, lastChange);
    }
}
