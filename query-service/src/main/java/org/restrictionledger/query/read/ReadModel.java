package org.restrictionledger.query.read;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.live.ChangeFeed;
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

    /**
     * How often the live feed reads the change log while a read-your-writes request waits, for what another instance
     * projected (this instance's own projection has it read at once); one read for all the waits.
     */
    static final Duration FEED_READ_WITHIN = Duration.ofMillis(200);

    private final EntityManager em;
    private final Versions versions;
    private final ChangeFeed feed;
    private final Counter storeReads;

    ReadModel(EntityManager em, Versions versions, ChangeFeed feed, MeterRegistry registry) {
        this.em = em;
        this.versions = versions;
        this.feed = feed;
        this.storeReads = Counter.builder("query.min-version.store-reads")
                .description("reads of a stream's version from the store by read-your-writes waits (one per request)")
                .register(registry);
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
     * The store is asked first; then the wait watches the live feed's marks, which every projected event moves (this
     * instance's own within milliseconds; another instance's once the feed has read the log, which it does every
     * {@link #FEED_READ_WITHIN} while anyone waits). The store is asked again only when the stream has no mark of its
     * own and the marks' floor rose meanwhile: the change waited for may be among those that went out of memory. So a
     * thousand waits cost the store about a thousand reads and the log five a second, not a read each every 200 ms.
     *
     * @return true when it did; false when the wait ran out first
     */
    public boolean awaitVersion(StreamId stream, long wanted, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        String id = stream.toString();
        // Both taken before the store is read: whatever changes after that read moves one or the other.
        long seen = versions.changes();
        long floorAtRead = versions.floor().seq();
        if (storeVersion(stream) >= wanted) {
            return true;
        }
        while (true) {
            Versions.Mark mark = versions.stream(id);
            if (mark.version() >= wanted) {
                return true;
            }
            long floor = versions.floor().seq();
            if (mark.version() == 0 && floor > floorAtRead) { // no mark of its own (an own mark has a version)
                seen = versions.changes();
                floorAtRead = floor;
                if (storeVersion(stream) >= wanted) {
                    return true;
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // Asked again at least every FEED_READ_WITHIN while the wait lasts: the feed reads the log that often
            // while anyone waits, so a change another instance made shows within about twice that.
            feed.soon(FEED_READ_WITHIN);
            try {
                versions.awaitChangeAfter(seen, Math.min(left, FEED_READ_WITHIN.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            seen = versions.changes();
        }
    }

    private long storeVersion(StreamId stream) {
        storeReads.increment();
        return version(stream);
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
