package org.restrictionledger.query.projection;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Statuses as the API shows them: the projected current status, or, for time travel, the fold of the projected
 * events as of a valid-time date ({@code asOf}: what was in effect that day) and/or a transaction time
 * ({@code knownAt}: what the ledger had recorded by then).
 */
@ApplicationScoped
public class ReadModel {

    private final EntityManager em;

    ReadModel(EntityManager em) {
        this.em = em;
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
        return fold(ProjectedEvent.<ProjectedEvent>list("platform", Sort.by("streamId").and("streamVersion"), platform).stream(), when);
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

    /** The sequence number of the latest status change, 0 before any: where a live page's SSE stream resumes. */
    public long lastChange() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(MAX(seq), 0) FROM status_changes").getSingleResult())
                .longValue();
    }

    private static List<StreamStatus> fold(Stream<ProjectedEvent> rows, When when) {
        Map<String, List<RecordedEvent>> byStream = rows
                .map(ProjectedEvent::toRecordedEvent)
                .filter(e -> when.knownAt() == null || !e.recordedAt().isAfter(when.knownAt()))
                .collect(Collectors.groupingBy(e -> e.stream().toString(), TreeMap::new, Collectors.toList()));
        return byStream.entrySet().stream()
                .map(e -> StatusFold.fold(StreamId.parse(e.getKey()), e.getValue(), when.asOf()))
                .filter(ReadModel::hasRecord)
                .toList();
    }

    /** Whether anything was on record for the stream at that time (a stream whose facts all came later was not). */
    private static boolean hasRecord(StreamStatus s) {
        return !s.activeMeasures().isEmpty() || s.since() != null || s.promoted() || !s.fines().isEmpty();
    }
}
