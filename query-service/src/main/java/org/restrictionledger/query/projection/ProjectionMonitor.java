package org.restrictionledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.restrictionledger.events.Topics;
import org.restrictionledger.support.messaging.KafkaClientProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far behind the projection is: per partition of {@code restrictions.events.v1}, the topic's end offset minus the
 * next offset the read model will apply (recorded with each event's effect, so it holds across replicas and
 * restarts). Refreshed every few seconds; exposed as the gauge {@code projection.lag{partition}} and at
 * {@code GET /api/v1/projection}.
 */
@ApplicationScoped
public class ProjectionMonitor {

    private static final Logger LOG = Logger.getLogger(ProjectionMonitor.class);

    /** One partition's progress. */
    public record PartitionProgress(int partition, long position, long end, long lag, Instant lastEventAt) {
    }

    private final EntityManager em;
    private final MeterRegistry registry;
    private final Admin admin;
    private final Map<Integer, PartitionProgress> progress = new ConcurrentHashMap<>();
    private volatile Instant refreshedAt;
    private volatile Instant progressedAt = Instant.now();
    private volatile long lastPosition = -1;

    ProjectionMonitor(EntityManager em, MeterRegistry registry, KafkaClientProperties kafka) {
        this.em = em;
        this.registry = registry;
        this.admin = Admin.create(kafka.with(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)));
    }

    public List<PartitionProgress> progress() {
        return progress.values().stream().sorted(java.util.Comparator.comparingInt(PartitionProgress::partition)).toList();
    }

    public Instant refreshedAt() {
        return refreshedAt;
    }

    /** When the projection last moved forward, or last had nothing to do. */
    public Instant progressedAt() {
        return progressedAt;
    }

    @Scheduled(every = "${query.projection.lag-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        try {
            Map<TopicPartition, Long> ends = endOffsets();
            Map<Integer, Object[]> positions = QuarkusTransaction.requiringNew().call(this::positions);
            ends.forEach((tp, end) -> {
                Object[] row = positions.get(tp.partition());
                long position = row == null ? 0 : ((Number) row[0]).longValue();
                Instant last = row == null ? null : Sql.instant(row[1]);
                boolean known = progress.containsKey(tp.partition());
                progress.put(tp.partition(), new PartitionProgress(tp.partition(), position, end, Math.max(0, end - position), last));
                if (!known) {
                    int partition = tp.partition();
                    Gauge.builder("projection.lag", () -> progress.get(partition).lag())
                            .description("events of restrictions.events.v1 not yet in the read model")
                            .tag("partition", Integer.toString(partition))
                            .register(registry);
                }
            });
            refreshedAt = Instant.now();
            long position = progress.values().stream().mapToLong(PartitionProgress::position).sum();
            long lag = progress.values().stream().mapToLong(PartitionProgress::lag).sum();
            if (position > lastPosition || lag == 0) {
                progressedAt = refreshedAt;
            }
            lastPosition = position;
        } catch (Exception e) {
            LOG.warnf("could not measure the projection lag: %s", e.toString());
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(Topics.EVENTS).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(Topics.EVENTS, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<Integer, Object[]> positions() {
        Map<Integer, Object[]> positions = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT topic_partition, next_offset, last_event_at FROM projection_offsets")
                .getResultList()) {
            Object[] r = (Object[]) row;
            positions.put(((Number) r[0]).intValue(), new Object[] {r[1], r[2]});
        }
        return positions;
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
