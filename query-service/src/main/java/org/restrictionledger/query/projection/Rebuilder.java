package org.restrictionledger.query.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.live.ChangeFeed;
import org.restrictionledger.support.messaging.KafkaClientProperties;
import org.restrictionledger.support.messaging.KafkaHeaders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

/**
 * Rebuilds the read model from offset 0 of {@code restrictions.events.v1} into fresh tables while the current ones
 * keep serving, then switches over:
 * <ol>
 *   <li>reads the whole topic (a consumer of its own, outside the projection's group) into
 *       {@code projected_events_rebuild}, and folds every stream into {@code platform_status_rebuild};</li>
 *   <li>in one transaction that holds off the live projection (reads go on): adds what the live projection applied
 *       meanwhile, refolds those streams, logs a status change for every stream whose status differs, and replaces the
 *       live tables' rows with the rebuilt ones (the live tables stay the migrations', owned by the owner role).</li>
 * </ol>
 * The change log and the partition offsets are not rebuilt: they describe the live projection, which goes on.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);
    /** Records per poll of the topic, and rows per JDBC batch of either table. */
    static final int BATCH = 2_000;
    /**
     * How many connections write a rebuild's shadow tables at once (the streams split between them): one PostgreSQL
     * backend writing alone was what a rebuild waited for. A power of two (the fold splits streams by hash bits).
     */
    static final int WRITERS = 2;
    /** The session advisory lock a rebuild holds while it runs, on whichever query instance ("rebuild" in ASCII). */
    static final long LOCK_KEY = 0x72656275696c64L;

    @Schema(name = "RebuildState")
    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    /** Where the last rebuild stands. */
    public record RebuildStatus(State state, Instant startedAt, Instant finishedAt, long eventsRead, long streams,
                                long changedStreams, String error) {
        static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, 0, 0, 0, null);
    }

    private final AgroalDataSource dataSource;
    private final KafkaClientProperties kafka;
    private final ChangeFeed feed;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));

    Rebuilder(AgroalDataSource dataSource, KafkaClientProperties kafka, ChangeFeed feed) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.feed = feed;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /**
     * Starts a rebuild; false when one is already running, here or on another query instance (they share one pair of
     * shadow tables: a second rebuild would drop the first one's).
     */
    public boolean start() {
        RebuildStatus current = status.get();
        if (current.state() == State.RUNNING) {
            return false;
        }
        Connection lock = lockAcrossInstances();
        if (lock == null) {
            return false;
        }
        RebuildStatus running = new RebuildStatus(State.RUNNING, Instant.now(), null, 0, 0, 0, null);
        if (!status.compareAndSet(current, running)) {
            unlock(lock);
            return false;
        }
        worker.execute(() -> {
            try {
                run();
            } finally {
                unlock(lock);
            }
        });
        return true;
    }

    /**
     * A connection whose session holds the rebuild's advisory lock ({@link #LOCK_KEY}), or null when another session
     * holds it. The lock goes with the session: an instance that dies mid-rebuild lets it go.
     */
    private Connection lockAcrossInstances() {
        try {
            Connection c = dataSource.getConnection();
            boolean locked = false;
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet answer = lock.executeQuery()) {
                    locked = answer.next() && answer.getBoolean(1);
                }
            } finally {
                if (!locked) {
                    c.close();
                }
            }
            return locked ? c : null;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild's lock in the read model's database", e);
        }
    }

    /** Lets the lock go before the connection goes back to the pool (a pooled session would keep holding it). */
    private static void unlock(Connection c) {
        try (c; PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK_KEY);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warnf(e, "could not let the rebuild's lock go; it goes when its database session ends");
        }
    }

    private void run() {
        RebuildStatus started = status.get();
        try {
            long begun = System.nanoTime();
            createShadowTables();
            long read = readTopic();
            long readAt = System.nanoTime();
            long streams = foldAll();
            long foldedAt = System.nanoTime();
            long changed;
            feed.writing(); // the swap changes the read model: bodies cached under the old tags must not serve
            try {
                changed = swap();
            } finally {
                feed.written(true);
            }
            long swappedAt = System.nanoTime();
            status.set(new RebuildStatus(State.DONE, started.startedAt(), Instant.now(), read, streams, changed, null));
            LOG.infof("read model rebuilt from offset 0: %d events, %d streams, %d statuses changed (read %.1f s, "
                            + "fold %.1f s, switch-over %.1f s)", read, streams, changed, (readAt - begun) / 1e9,
                    (foldedAt - readAt) / 1e9, (swappedAt - foldedAt) / 1e9);
        } catch (Exception e) {
            LOG.errorf(e, "read model rebuild failed; the current tables keep serving");
            status.set(new RebuildStatus(State.FAILED, started.startedAt(), Instant.now(), 0, 0, 0, e.toString()));
        }
    }

    private void createShadowTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS projected_events_rebuild, platform_status_rebuild");
            // Unlogged (no WAL, so no commit waits for a flush; a crash loses them, and a rebuild starts again from
            // offset 0 anyway), and with only the keys the load needs: the live tables' other indexes are maintained
            // once, when the rows are copied in.
            s.execute("CREATE UNLOGGED TABLE projected_events_rebuild (LIKE projected_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            s.execute("ALTER TABLE projected_events_rebuild ADD PRIMARY KEY (event_id), ADD UNIQUE (stream_id, stream_version)");
            s.execute("CREATE UNLOGGED TABLE platform_status_rebuild (LIKE platform_status INCLUDING ALL)");
        }
    }

    /**
     * Every record of the topic up to its end as of now; records that are not valid events are skipped, and so are
     * the events of streams the live projection has parked (they wait in the parking lot, as they do live) and, from
     * the first event the store refuses on, the events of that stream (its later events cannot apply without it).
     * A batch is decoded (on both cores) while the one before it is written, its streams split between the writers.
     */
    private long readTopic() throws Exception {
        Set<String> parked = parkedStreams();
        List<Connection> connections = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH)))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            // Writer k writes the streams of slice k, each through a connection of its own (one PostgreSQL backend
            // each), and refuses for them alone: a stream's events are all written by one writer, in their order.
            List<Set<String>> refused = new ArrayList<>();
            for (int k = 0; k < WRITERS; k++) {
                connections.add(dataSource.getConnection());
                refused.add(new HashSet<>());
            }
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS,
                    r -> new Thread(r, "read-model-rebuild-writer"));
            List<Future<Integer>> writing = List.of();
            try {
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    List<List<ProjectedEvent>> slices = slices(decode(consumer.poll(Duration.ofMillis(500)), parked));
                    read += sum(writing);
                    List<Future<Integer>> next = new ArrayList<>();
                    for (int k = 0; k < WRITERS; k++) {
                        Connection c = connections.get(k);
                        List<ProjectedEvent> slice = slices.get(k);
                        Set<String> refusedHere = refused.get(k);
                        next.add(writers.submit(() -> insertEvents(c, "projected_events_rebuild", slice, refusedHere)));
                    }
                    writing = next;
                    RebuildStatus s = status.get();
                    status.set(new RebuildStatus(State.RUNNING, s.startedAt(), null, read, 0, 0, null));
                }
                read += sum(writing);
            } finally {
                writers.shutdown();
                writers.awaitTermination(1, TimeUnit.MINUTES); // they use the connections until their batch is written
            }
            return read;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** The events split by stream into {@link #WRITERS} slices, each in the events' order. */
    private static List<List<ProjectedEvent>> slices(List<ProjectedEvent> events) {
        List<List<ProjectedEvent>> slices = new ArrayList<>();
        for (int k = 0; k < WRITERS; k++) {
            slices.add(new ArrayList<>());
        }
        events.forEach(e -> slices.get(Math.floorMod(e.streamId.hashCode(), WRITERS)).add(e));
        return slices;
    }

    /** What the tasks counted (events written, streams folded), waiting for each in turn; a task's failure throws. */
    private static long sum(List<? extends Future<? extends Number>> tasks) throws Exception {
        long sum = 0;
        for (Future<? extends Number> task : tasks) {
            sum += task.get().longValue();
        }
        return sum;
    }

    /** The valid events of the records, in their order, but those of parked streams. */
    private static List<ProjectedEvent> decode(ConsumerRecords<String, String> records, Set<String> parked) {
        return StreamSupport.stream(records.spliterator(), true).map(record -> {
            try {
                RecordedEvent event = CloudEvents.read(record.value(), name -> KafkaHeaders.text(record.headers(), name));
                // Stored as received, as the live projection stores it: no second serialisation.
                return parked.contains(event.stream().toString()) ? null : ProjectedEvent.of(event, record.value());
            } catch (IllegalArgumentException invalid) {
                LOG.debugf("rebuild skips the invalid record at %s-%d offset %d", record.topic(), record.partition(),
                        record.offset());
                return null;
            }
        }).filter(Objects::nonNull).toList();
    }

    /** Folds the streams in {@link #WRITERS} slices at once, each sorted and folded through a connection of its own. */
    private long foldAll() throws Exception {
        ExecutorService folders = Executors.newFixedThreadPool(WRITERS, r -> new Thread(r, "read-model-rebuild-fold"));
        try {
            List<Future<Long>> slices = new ArrayList<>();
            for (int k = 0; k < WRITERS; k++) {
                int slice = k;
                slices.add(folders.submit(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return foldInto(c, """
                                SELECT CAST(data AS text) FROM projected_events_rebuild
                                WHERE (hashtext(stream_id) & %d) = %d ORDER BY stream_id, stream_version"""
                                .formatted(WRITERS - 1, slice));
                    }
                }));
            }
            return sum(slices);
        } finally {
            folders.shutdown();
            folders.awaitTermination(1, TimeUnit.MINUTES); // when one slice failed, the other ends before the rebuild
        }
    }

    /** Adds what the live projection applied meanwhile, refolds those streams, logs changes, swaps the tables. */
    private long swap() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE projected_events, platform_status IN EXCLUSIVE MODE");
                s.execute("""
                        CREATE TEMP TABLE rebuild_delta ON COMMIT DROP AS
                        SELECT DISTINCT stream_id FROM projected_events p
                        WHERE NOT EXISTS (SELECT 1 FROM projected_events_rebuild r WHERE r.event_id = p.event_id)""");
                s.execute("""
                        INSERT INTO projected_events_rebuild SELECT * FROM projected_events p
                        WHERE NOT EXISTS (SELECT 1 FROM projected_events_rebuild r WHERE r.event_id = p.event_id)""");
                s.execute("DELETE FROM platform_status_rebuild WHERE stream_id IN (SELECT stream_id FROM rebuild_delta)");
                foldInto(c, """
                        SELECT CAST(data AS text) FROM projected_events_rebuild
                        WHERE stream_id IN (SELECT stream_id FROM rebuild_delta) ORDER BY stream_id, stream_version""");
                s.execute(StatusChange.LOCK_FOR_APPEND);
                int changed = s.executeUpdate("""
                        INSERT INTO status_changes (stream_id, country, platform, status, version, event_id, changed_at)
                        SELECT n.stream_id, n.country, n.platform, n.status, n.version,
                               (SELECT e.event_id FROM projected_events_rebuild e WHERE e.stream_id = n.stream_id
                                ORDER BY e.stream_version DESC LIMIT 1), now()
                        FROM platform_status_rebuild n LEFT JOIN platform_status o ON o.stream_id = n.stream_id
                        WHERE o.stream_id IS NULL OR o.document <> n.document""");
                // The rebuilt rows replace the live ones in place (not by renaming tables): the live tables stay
                // the migrations' (owned by the owner role), and the runtime role needs no more than DML on them.
                s.execute("TRUNCATE projected_events, platform_status");
                s.execute("INSERT INTO projected_events SELECT * FROM projected_events_rebuild");
                s.execute("INSERT INTO platform_status SELECT * FROM platform_status_rebuild");
                s.execute("DROP TABLE projected_events_rebuild, platform_status_rebuild");
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Folds the streams of the query's events (in stream, version order) into platform_status_rebuild. */
    private long foldInto(Connection c, String query) throws SQLException {
        long streams = 0;
        try (Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO platform_status_rebuild (stream_id, country, platform, status, version, last_change, document)
                     VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
            s.setFetchSize(BATCH);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (ResultSet rows = s.executeQuery(query)) {
                List<RecordedEvent> stream = new ArrayList<>();
                while (rows.next()) {
                    RecordedEvent event = Json.read(rows.getString(1), RecordedEvent.class);
                    if (!stream.isEmpty() && !stream.get(0).stream().equals(event.stream())) {
                        addStatus(insert, stream);
                        streams++;
                        stream.clear();
                        if (streams % BATCH == 0) {
                            // A batch holds its rows until executed: one for the whole topic's streams ran the heap out.
                            insert.executeBatch();
                        }
                    }
                    stream.add(event);
                }
                if (!stream.isEmpty()) {
                    addStatus(insert, stream);
                    streams++;
                }
                insert.executeBatch();
            }
            if (autoCommit) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
        return streams;
    }

    private static void addStatus(PreparedStatement insert, List<RecordedEvent> events) throws SQLException {
        StreamId stream = events.get(0).stream();
        StreamStatus status = StatusFold.fold(stream, events);
        PlatformStatusRow row = new PlatformStatusRow();
        row.update(status);
        insert.setString(1, row.streamId);
        insert.setString(2, row.country);
        insert.setString(3, row.platform);
        insert.setString(4, row.status);
        insert.setLong(5, row.version);
        insert.setTimestamp(6, row.lastChange == null ? null : Timestamp.from(row.lastChange));
        insert.setString(7, row.document);
        insert.addBatch();
    }

    private Set<String> parkedStreams() throws SQLException {
        Set<String> parked = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT stream_id FROM parked_streams")) {
            while (rows.next()) {
                parked.add(rows.getString(1));
            }
        }
        return parked;
    }

    /**
     * Inserts the events in one batch, but those of streams refused before; when the store refuses one, inserts them
     * one at a time and skips the refused one and every later event of its stream.
     *
     * @return how many were inserted
     */
    private static int insertEvents(Connection c, String table, List<ProjectedEvent> all, Set<String> skipped)
            throws SQLException {
        List<ProjectedEvent> events = skipped.isEmpty() ? all
                : all.stream().filter(e -> !skipped.contains(e.streamId)).toList();
        try {
            ProjectedEvent.insert(c, table, events, true);
            return events.size();
        } catch (SQLException batch) {
            int inserted = 0;
            for (ProjectedEvent event : events) {
                if (skipped.contains(event.streamId)) {
                    continue;
                }
                try {
                    ProjectedEvent.insert(c, table, List.of(event), true);
                    inserted++;
                } catch (SQLException refused) {
                    skipped.add(event.streamId);
                    LOG.warnf("rebuild skips %s from v%d on: the store refuses event %s (%s)", event.streamId,
                            event.streamVersion, event.eventId, refused.getSQLState());
                }
            }
            return inserted;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
