package org.restrictionledger.query.read;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.live.Versions;
import org.restrictionledger.query.projection.PlatformStatusRow;
import org.restrictionledger.query.projection.ProjectedEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Statuses as the API shows them: the projected current status, or, for time travel, the fold of the projected
 * events as of a valid-time date ({@code asOf}: what was in effect that day) and/or a transaction time
 * ({@code knownAt}: what the ledger had recorded by then).
 */
@ApplicationScoped
public class ReadModel {

    /** How often a read-your-writes wait asks the store itself, besides being woken by the live feed. */
    static final Duration STORE_CHECK = Duration.ofMillis(200);

    private final EntityManager em;
    private final Versions versions;

    ReadModel(EntityManager em, Versions versions) {
        this.em = em;
        this.versions = versions;
    }

    /** A point in both times; nulls mean "now". */
    public record When(LocalDate asOf, Instant knownAt) {
        public static final When NOW = new When(null, null);

        public boolean now() {
            return asOf == null && knownAt == null;
        }
    }

    public List<StreamStatus> country(String country, When when) {
        if (when.now()) {
            return PlatformStatusRow.ofCountry(country);
        }
        return fold(ProjectedEvent.<ProjectedEvent>list("country", Sort.by("streamId").and("streamVersion"), country).stream(), when);
    }

    public List<StreamStatus> platform(String platform, When when) {
        if (when.now()) {
            return PlatformStatusRow.<PlatformStatusRow>list("platform", Sort.by("country"), platform).stream()
                    .map(PlatformStatusRow::toStatus).toList();
        }
        // The platform's streams by the index of current statuses (every projected stream has one), then their events
        // by the (stream, version) key: projected_events has no index by platform, which would cost a write per event.
        return fold(ProjectedEvent.<ProjectedEvent>list(
                "streamId in (select s.streamId from PlatformStatusRow s where s.platform = ?1)",
                Sort.by("streamId").and("streamVersion"), platform).stream(), when);
    }

    public Optional<StreamStatus> stream(StreamId stream, When when) {
        if (when.now()) {
            return Optional.ofNullable(PlatformStatusRow.<PlatformStatusRow>findById(stream.toString()))
                    .map(PlatformStatusRow::toStatus);
        }
        return fold(ProjectedEvent.<ProjectedEvent>list("streamId", Sort.by("streamVersion"), stream.toString()).stream(), when)
                .stream().findFirst();
    }

    /** Every current status, by country then platform. */
    public List<StreamStatus> all() {
        return PlatformStatusRow.<PlatformStatusRow>listAll(Sort.by("country").and("platform")).stream()
                .map(PlatformStatusRow::toStatus).toList();
    }

    /** The stream's current projected version, read afresh (never from the session cache); 0 when nothing is projected. */
    public long version(StreamId stream) {
        List<?> rows = em.createNativeQuery("SELECT version FROM platform_status WHERE stream_id = ?1")
                .setParameter(1, stream.toString()).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /**
     * Read-your-writes: waits until the stream's projected version reaches {@code wanted}, at most {@code maxWait}.
     * The live feed's marks say when it has (they follow this instance's own projection within milliseconds, and
     * wake the wait); the store is asked too, first and every {@link #STORE_CHECK}, for what another instance
     * projected and the marks show only at the feed's next poll.
     *
     * @return true when it did; false when the wait ran out first
     */
    public boolean awaitVersion(StreamId stream, long wanted, Duration maxWait) {
        String id = stream.toString();
        long deadline = System.nanoTime() + maxWait.toNanos();
        long nextStoreCheck = System.nanoTime();
        while (true) {
            long seen = versions.changes();
            if (versions.stream(id).version() >= wanted) {
                return true;
            }
            long now = System.nanoTime();
            if (now - nextStoreCheck >= 0) {
                if (version(stream) >= wanted) {
                    return true;
                }
                nextStoreCheck = now + STORE_CHECK.toNanos();
            }
            if (now - deadline >= 0) {
                return false;
            }
            try {
                versions.awaitChangeAfter(seen, Math.min(deadline, nextStoreCheck) - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The sequence number of the latest status change, 0 before any: where a live page's SSE stream resumes. */
    public long lastChange() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(MAX(seq), 0) FROM status_changes").getSingleResult())
                .longValue();
    }

    /**
     * Every stream with any record is answered, whatever the time asked for: a stream whose facts all take effect
     * later is OPEN then (its {@code firstFact} says when the first one does), and one the ledger knew nothing of at
     * {@code knownAt} is OPEN with no {@code firstFact}. Only a stream never recorded is absent.
     */
    private static List<StreamStatus> fold(Stream<ProjectedEvent> rows, When when) {
        Map<String, List<RecordedEvent>> byStream = new TreeMap<>();
        rows.map(ProjectedEvent::toRecordedEvent).forEach(e -> {
            List<RecordedEvent> known = byStream.computeIfAbsent(e.stream().toString(), k -> new ArrayList<>());
            if (when.knownAt() == null || !e.recordedAt().isAfter(when.knownAt())) {
                known.add(e);
            }
        });
        return byStream.entrySet().stream()
                .map(e -> StatusFold.fold(StreamId.parse(e.getKey()), e.getValue(), when.asOf()))
                .toList();
    }
}
