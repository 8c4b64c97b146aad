package org.restrictionledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StreamFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.live.ChangeFeed;
import org.restrictionledger.query.webhooks.WebhookOutbox;
import org.restrictionledger.support.messaging.Traces;
import org.restrictionledger.support.persistence.AfterTransaction;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies events to the read model in one transaction: the event rows (whose ids are the checkpoint), the streams'
 * new statuses, a status-change row per event and the partitions' offsets commit together, so a redelivered event
 * changes nothing. A stream's events apply one batch at a time (a transaction-scoped advisory lock per stream),
 * whoever applies them. A stream's history is read at most once per batch, and not at all while the
 * {@link HistoryCache} holds it; its status is kept with it ({@link StreamFold}), so an event in valid-time order
 * costs one fact applied, not a refold; a stream's row is written once per batch; every write is one JDBC batch. The webhook deliveries each change owes are recorded
 * in the same transaction ({@link WebhookOutbox}).
 */
@ApplicationScoped
public class Projection {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    /** An event as read from the topic: the decoded event, its JSON as received, where it was read. */
    public record Received(RecordedEvent event, String data, int partition, long offset, String traceparent) {
        public Received(RecordedEvent event, String data, int partition, long offset) {
            this(event, data, partition, offset, null);
        }
    }

    private final EntityManager em;
    private final HistoryCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final Counter gaps;
    private final Counter duplicates;
    private final Counter historyReads;
    private final WebhookOutbox webhooks;
    private final MeterRegistry registry;
    private final ChangeFeed feed;
    private final Map<String, Counter> applied = new java.util.concurrent.ConcurrentHashMap<>();

    Projection(EntityManager em, HistoryCache cache, TransactionSynchronizationRegistry transactions,
               MeterRegistry registry, WebhookOutbox webhooks, ChangeFeed feed) {
        this.em = em;
        this.feed = feed;
        this.cache = cache;
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.registry = registry;
        this.gaps = Counter.builder("projection.gaps")
                .description("events received ahead of a missing stream version").register(registry);
        this.duplicates = Counter.builder("projection.duplicates")
                .description("redelivered events, recognised and skipped").register(registry);
        this.historyReads = Counter.builder("projection.history.reads")
                .description("stream histories read from the read model to fold a status again (a backdated event, a "
                        + "correction, or a stream the history cache did not hold)").register(registry);
    }

    /**
     * @param partition the events topic partition it was read from, or -1 when not read from Kafka
     * @param offset    its offset there
     * @return false when the event had been projected before
     */
    @Transactional
    public boolean apply(RecordedEvent event, int partition, long offset) {
        return applyAll(List.of(new Received(event, null, partition, offset)), Set.of()) == 1;
    }

    /**
     * Applies the events in order, except those of the streams in {@code held}; records the partitions' offsets of
     * all of them.
     *
     * @return how many were applied (not projected before)
     */
    @Transactional
    public int applyAll(List<Received> batch, Set<String> held) {
        Set<String> streams = new TreeSet<>();
        batch.forEach(r -> streams.add(r.event().stream().toString()));
        // In a fixed order, so that two appliers never wait for each other crosswise.
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtext(s))) FROM unnest(CAST(?1 AS text[])) s")
                .setParameter(1, streams.toArray(String[]::new)).getSingleResult();
        Map<Integer, Received> lastOfPartition = new HashMap<>();
        batch.stream().filter(r -> r.partition() >= 0).forEach(r -> lastOfPartition.merge(r.partition(), r,
                (a, b) -> a.offset() >= b.offset() ? a : b));
        lastOfPartition.values().forEach(r -> recordOffset(r.partition(), r.offset(), r.event().recordedAt()));

        Set<UUID> known = known(batch);
        Map<String, Long> stored = projectedVersions(streams);
        Map<String, StreamFold> folds = new HashMap<>();
        List<ProjectedEvent> inserted = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        List<WebhookOutbox.Change> outgoing = new ArrayList<>();
        Instant now = Instant.now();
        for (Received received : batch) {
            RecordedEvent event = received.event();
            String stream = event.stream().toString();
            if (held.contains(stream)) {
                continue;
            }
            if (!known.add(event.eventId())) {
                duplicates.increment();
                LOG.debugf("event %s of %s v%d already projected", event.eventId(), event.stream(), event.streamVersion());
                continue;
            }
            StreamFold fold = folds.computeIfAbsent(stream, s -> fold(event.stream(), stored.get(s)));
            long projected = fold.lastVersion();
            if (event.streamVersion() != projected + 1) {
                gaps.increment();
                LOG.warnf("gap in %s: projected up to v%d, received v%d (event %s, partition %d, offset %d); the "
                                + "status may be incomplete until the missing events arrive", event.stream(), projected,
                        event.streamVersion(), event.eventId(), received.partition(), received.offset());
            }
            fold.add(event);
            inserted.add(ProjectedEvent.of(event, received.data()));
            StreamStatus status = fold.status();
            changes.add(StatusChange.of(status, event.eventId(), now));
            outgoing.add(new WebhookOutbox.Change(status, event));
            applied.computeIfAbsent(event.event().type(), type -> Counter.builder("projection.events.applied")
                    .description("events applied to the read model").tag("type", type).register(registry)).increment();
            // Per event at DEBUG, with the event's trace: at INFO, the log line cost more than projecting the event.
            if (LOG.isDebugEnabled()) {
                Traces.log(received.traceparent(), () -> LOG.debugf("projected %s %s v%d: %s", event.event().type(),
                        event.stream(), event.streamVersion(), status.status()));
            }
        }
        announce(changes);
        writeStatuses(folds.values().stream().map(StreamFold::status).toList());
        ProjectedEvent.insertAll(em, inserted);
        StatusChange.insertAll(em, changes);
        webhooks.enqueue(em, outgoing);
        cacheOnCommit(folds);
        return inserted.size();
    }

    /** The event ids of the batch that were projected before. */
    private Set<UUID> known(List<Received> batch) {
        Set<UUID> known = new HashSet<>();
        List<?> ids = em.createNativeQuery("SELECT event_id FROM projected_events WHERE event_id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, batch.stream().map(r -> r.event().eventId()).toArray(UUID[]::new)).getResultList();
        ids.forEach(id -> known.add(id instanceof UUID u ? u : UUID.fromString(id.toString())));
        return known;
    }

    /** The stream as projected: from the cache while it ends at the stored version, else folded from the table. */
    private StreamFold fold(StreamId stream, Long projectedVersion) {
        StreamFold cached = cache.take(stream.toString(), projectedVersion == null ? 0 : projectedVersion);
        if (cached != null) {
            return cached;
        }
        // The cache keeps statuses, not histories: a stream's projected events are read only to fold it again (a
        // backdated event, a correction, or the first status after a cache miss). A stream's first events and its
        // status row commit together (here and in a rebuild): no row, no events.
        return StreamFold.backedBy(stream, projectedVersion == null ? 0 : projectedVersion,
                () -> {
                    historyReads.increment();
                    return ProjectedEvent.ofStream(stream);
                });
    }

    /** The projected version of each of these streams that has a status row. */
    private Map<String, Long> projectedVersions(Set<String> streams) {
        Map<String, Long> versions = new HashMap<>();
        for (Object row : em.createNativeQuery(
                        "SELECT stream_id, version FROM platform_status WHERE stream_id = ANY(CAST(?1 AS text[]))")
                .setParameter(1, streams.toArray(String[]::new)).getResultList()) {
            Object[] columns = (Object[]) row;
            versions.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return versions;
    }

    /** Writes the streams' statuses, a new stream's row or an existing one's, in one JDBC batch. */
    private void writeStatuses(List<StreamStatus> statuses) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO platform_status (stream_id, country, platform, status, version, last_change, document)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                    ON CONFLICT (stream_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
                        last_change = EXCLUDED.last_change, document = EXCLUDED.document""")) {
                for (StreamStatus status : statuses) {
                    upsert.setString(1, status.stream().toString());
                    upsert.setString(2, status.stream().country());
                    upsert.setString(3, status.stream().platform());
                    upsert.setString(4, status.status().name());
                    upsert.setLong(5, status.version());
                    upsert.setTimestamp(6, status.lastChange() == null ? null : Timestamp.from(status.lastChange()));
                    upsert.setString(7, Json.write(status));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /**
     * Tells the {@link ChangeFeed} that the read model is about to change, until the transaction ends; once it
     * committed, the feed reads the log at once, so ETags, cached bodies and live streams follow within milliseconds.
     */
    private void announce(List<StatusChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        AfterTransaction.whenEnded(transactions, feed::written);
        feed.writing();
    }

    private void cacheOnCommit(Map<String, StreamFold> folds) {
        if (folds.isEmpty()) {
            return;
        }
        AfterTransaction.onCommit(transactions, () -> folds.forEach((stream, fold) -> {
            fold.committed();
            cache.put(stream, fold);
        }));
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
