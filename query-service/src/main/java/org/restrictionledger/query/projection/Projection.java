package org.restrictionledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.time.Instant;

/**
 * Applies one event to the read model in one transaction: the event row (whose id is the checkpoint), the stream's
 * new status, a status-change row and the partition's offset commit together, so a redelivered event changes
 * nothing. A stream's events apply one at a time (a transaction-scoped advisory lock per stream), whoever applies them.
 */
@ApplicationScoped
public class Projection {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    private final EntityManager em;
    private final Counter gaps;
    private final Counter duplicates;

    Projection(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.gaps = Counter.builder("projection.gaps")
                .description("events received ahead of a missing stream version").register(registry);
        this.duplicates = Counter.builder("projection.duplicates")
                .description("redelivered events, recognised and skipped").register(registry);
    }

    /**
     * @param partition the events topic partition it was read from, or -1 when not read from Kafka
     * @param offset    its offset there
     * @return false when the event had been projected before
     */
    @Transactional
    public boolean apply(RecordedEvent event, int partition, long offset) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, event.stream().toString())
                .getSingleResult();
        if (partition >= 0) {
            recordOffset(partition, offset, event.recordedAt());
        }
        if (ProjectedEvent.findById(event.eventId()) != null) {
            duplicates.increment();
            LOG.debugf("event %s of %s v%d already projected", event.eventId(), event.stream(), event.streamVersion());
            return false;
        }
        PlatformStatusRow row = PlatformStatusRow.findById(event.stream().toString());
        long projected = row == null ? 0 : row.version;
        if (event.streamVersion() != projected + 1) {
            gaps.increment();
            LOG.warnf("gap in %s: projected up to v%d, received v%d (event %s, partition %d, offset %d); the status "
                            + "may be incomplete until the missing events arrive", event.stream(), projected,
                    event.streamVersion(), event.eventId(), partition, offset);
        }
        ProjectedEvent.of(event).persist();
        StreamStatus status = StatusFold.fold(event.stream(), ProjectedEvent.ofStream(event.stream()));
        if (row == null) {
            row = new PlatformStatusRow();
            row.update(status);
            row.persist();
        } else {
            row.update(status);
        }
        StatusChange change = new StatusChange();
        change.streamId = event.stream().toString();
        change.country = event.stream().country();
        change.platform = event.stream().platform();
        change.status = status.status().name();
        change.version = status.version();
        change.eventId = event.eventId();
        change.changedAt = Instant.now();
        change.persist();
        LOG.infof("projected %s %s v%d: %s", event.event().type(), event.stream(), event.streamVersion(), status.status());
        return true;
    }

    void recordOffset(int partition, long offset, Instant eventTime) {
        em.createNativeQuery("""
                        INSERT INTO projection_offsets (topic_partition, next_offset, last_event_at, updated_at)
                        VALUES (?1, ?2, ?3, now())
                        ON CONFLICT (topic_partition) DO UPDATE SET
                            next_offset = GREATEST(projection_offsets.next_offset, EXCLUDED.next_offset),
                            last_event_at = GREATEST(projection_offsets.last_event_at, EXCLUDED.last_event_at),
                            updated_at = now()""")
                .setParameter(1, partition).setParameter(2, offset + 1).setParameter(3, eventTime)
                .executeUpdate();
    }
}
