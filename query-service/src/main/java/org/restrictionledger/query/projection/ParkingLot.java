package org.restrictionledger.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.support.messaging.Failure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps order where order matters. When an event of a stream cannot be projected for a reason of its own (a value
 * the database refuses, a fold that fails), the stream is parked: that event and every later one of the stream wait
 * here, in order, while every other stream keeps flowing. {@code GET /api/v1/projection} lists parked streams and
 * why; after a fix an operator re-drives them ({@code POST /api/v1/projection/parked/redrive}), and the waiting events
 * apply in stream-version order, exactly once (the projection skips an event id it has applied). A stream whose
 * re-drive fails again stays parked with the new reason. Gauge {@code projection.parked.streams}.
 * <p>
 * Everything here holds the stream's advisory lock, as the projection does, so that a re-drive and the live
 * consumer never interleave on one stream.
 */
@ApplicationScoped
public class ParkingLot {

    private static final Logger LOG = Logger.getLogger(ParkingLot.class);

    /** A parked stream: the event that failed, why, and how many events wait behind it (that one included). */
    public record ParkedStream(String stream, String reason, UUID eventId, long streamVersion, Instant parkedAt,
                               int attempts, Instant lastAttemptAt, long waiting) {
    }

    /** What a re-drive did to one stream: {@code applied} events, and whether it is still parked (and why). */
    @Schema(name = "ParkedStreamRedriven")
    public record Redriven(String stream, int applied, boolean stillParked, String reason) {
    }

    private final EntityManager em;
    private final Projection projection;
    private final AtomicLong parked = new AtomicLong();

    ParkingLot(EntityManager em, Projection projection, MeterRegistry registry) {
        this.em = em;
        this.projection = projection;
        registry.gauge("projection.parked.streams", parked);
    }

    /**
     * Applies the event, or holds it behind its parked stream.
     *
     * @return false when the event waits (its stream is parked) or was projected before
     */
    @Transactional
    public boolean applyUnlessParked(RecordedEvent event, String data, int partition, long offset) {
        return applyAll(List.of(new Projection.Received(event, data, partition, offset))) == 1;
    }

    /**
     * Applies a batch in one transaction: the events of parked streams wait behind them, the others are projected.
     *
     * @return how many were applied
     */
    @Transactional
    public int applyAll(List<Projection.Received> batch) {
        Set<String> streams = new TreeSet<>();
        batch.forEach(r -> streams.add(r.event().stream().toString()));
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtext(s))) FROM unnest(CAST(?1 AS text[])) s")
                .setParameter(1, streams.toArray(String[]::new)).getSingleResult();
        Set<String> held = new HashSet<>();
        em.createNativeQuery("SELECT stream_id FROM parked_streams WHERE stream_id = ANY(CAST(?1 AS text[]))")
                .setParameter(1, streams.toArray(String[]::new)).getResultList()
                .forEach(stream -> held.add((String) stream));
        for (Projection.Received r : batch) {
            if (held.contains(r.event().stream().toString())) {
                hold(r.event(), r.data() != null ? r.data() : EventCodec.encode(r.event()), r.partition(), r.offset());
                LOG.debugf("%s is parked: event %s v%d waits behind it", r.event().stream(), r.event().eventId(),
                        r.event().streamVersion());
            }
        }
        return projection.applyAll(batch, held);
    }

    /** Parks the event's stream with this event first in line (or adds it behind, when already parked). */
    @Transactional
    public void park(RecordedEvent event, String data, int partition, long offset, String reason) {
        String stream = event.stream().toString();
        lock(stream);
        Instant now = Instant.now();
        int created = em.createNativeQuery("""
                        INSERT INTO parked_streams (stream_id, reason, event_id, stream_version, parked_at, last_attempt_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (stream_id) DO NOTHING""")
                .setParameter(1, stream).setParameter(2, reason).setParameter(3, event.eventId())
                .setParameter(4, event.streamVersion()).setParameter(5, Timestamp.from(now))
                .executeUpdate();
        hold(event, data, partition, offset);
        if (partition >= 0) {
            projection.recordOffset(partition, offset, event.recordedAt());
        }
        if (created == 1) {
            parked.incrementAndGet();
            LOG.warnf("parked %s at event %s v%d: %s", stream, event.eventId(), event.streamVersion(), reason);
        }
    }

    @Transactional
    public List<ParkedStream> list() {
        List<?> rows = em.createNativeQuery("""
                        SELECT s.stream_id, s.reason, s.event_id, s.stream_version, s.parked_at, s.attempts,
                               s.last_attempt_at, (SELECT count(*) FROM parked_events e WHERE e.stream_id = s.stream_id)
                        FROM parked_streams s ORDER BY s.parked_at, s.stream_id""")
                .getResultList();
        List<ParkedStream> parkedStreams = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            parkedStreams.add(new ParkedStream((String) r[0], (String) r[1], (UUID) r[2], ((Number) r[3]).longValue(),
                    instant(r[4]), ((Number) r[5]).intValue(), instant(r[6]), ((Number) r[7]).longValue()));
        }
        return parkedStreams;
    }

    /** Re-drives one parked stream, or all when {@code stream} is null; each stream in a transaction of its own. */
    public List<Redriven> redrive(String stream) {
        List<String> streams = stream != null ? List.of(stream)
                : list().stream().map(ParkedStream::stream).toList();
        List<Redriven> results = new ArrayList<>();
        for (String s : streams) {
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> redriveOne(s));
                if (applied >= 0) {
                    parked.decrementAndGet();
                    results.add(new Redriven(s, applied, false, null));
                }
            } catch (RuntimeException e) {
                String reason = Failure.describe(e);
                QuarkusTransaction.requiringNew().run(() -> failedAgain(s, reason));
                LOG.warnf("re-drive of %s failed, still parked: %s", s, reason);
                results.add(new Redriven(s, 0, true, reason));
            }
        }
        return results;
    }

    /** @return how many events applied, or -1 when the stream was not parked */
    private int redriveOne(String stream) {
        lock(stream);
        if (!isParked(stream)) {
            return -1;
        }
        List<?> rows = em.createNativeQuery("""
                        SELECT data, topic_partition, record_offset FROM parked_events
                        WHERE stream_id = ?1 ORDER BY stream_version, parked_at""")
                .setParameter(1, stream).getResultList();
        int applied = 0;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            RecordedEvent event = EventCodec.decode((String) r[0]);
            // The offset was recorded when the event was parked: no offset here, so none moves backwards.
            if (projection.apply(event, -1, -1)) {
                applied++;
            }
        }
        em.createNativeQuery("DELETE FROM parked_events WHERE stream_id = ?1").setParameter(1, stream).executeUpdate();
        em.createNativeQuery("DELETE FROM parked_streams WHERE stream_id = ?1").setParameter(1, stream).executeUpdate();
        LOG.infof("re-drove %s: %d event(s) applied", stream, applied);
        return applied;
    }

    private void failedAgain(String stream, String reason) {
        em.createNativeQuery("""
                        UPDATE parked_streams SET reason = ?2, attempts = attempts + 1, last_attempt_at = now()
                        WHERE stream_id = ?1""")
                .setParameter(1, stream).setParameter(2, reason).executeUpdate();
    }

    @Scheduled(every = "${query.projection.lag-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void count() {
        parked.set(((Number) em.createNativeQuery("SELECT count(*) FROM parked_streams").getSingleResult()).longValue());
    }

    /** Streams parked now, as last counted. */
    public long parkedStreams() {
        return parked.get();
    }

    private boolean isParked(String stream) {
        return !em.createNativeQuery("SELECT 1 FROM parked_streams WHERE stream_id = ?1")
                .setParameter(1, stream).getResultList().isEmpty();
    }

    private void hold(RecordedEvent event, String data, int partition, long offset) {
        em.createNativeQuery("""
                        INSERT INTO parked_events (event_id, stream_id, stream_version, data, topic_partition,
                                                   record_offset, parked_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, now()) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.eventId()).setParameter(2, event.stream().toString())
                .setParameter(3, event.streamVersion()).setParameter(4, data).setParameter(5, partition)
                .setParameter(6, offset).executeUpdate();
    }

    private void lock(String stream) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, stream).getSingleResult();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
    }
}
