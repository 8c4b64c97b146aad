package org.restrictionledger.ledger.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.restrictionledger.ledger.config.OutboxConfig;
import org.restrictionledger.ledger.store.OutboxMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows in their order of writing, then deletes them. One relay works at a time across all ledger
 * instances (a PostgreSQL advisory lock), so per-stream order holds. A crash between publishing and deleting
 * publishes a batch again: consumers dedupe by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Outgoing channel; each record names its own topic (events or outcomes). */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_ID = 0x4c45444745520001L;

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final int batchSize;
    private final Duration publishTimeout;
    /** One relay at a time in this instance; a wake-up while one runs queues exactly one more run. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final Timer publishLatency;

    OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) MutinyEmitter<String> emitter,
                EntityManager em, MeterRegistry registry,
                OutboxConfig config) {
        this.emitter = emitter;
        this.em = em;
        this.batchSize = config.batchSize();
        this.publishTimeout = config.publishTimeout();
        Gauge.builder("ledger.outbox.backlog", backlog, AtomicLong::get)
                .description("outbox rows not yet published, as of the last tick").register(registry);
        this.publishLatency = Timer.builder("ledger.outbox.publish.latency")
                .description("from a row's commit to the broker's acknowledgement of its record")
                .publishPercentileHistogram().register(registry);
    }

    /** Publishes right after a command's transaction committed, without waiting for the next tick. */
    public void wakeUp() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                relay();
            });
        }
    }

    /** The safety net: rows left by a failed publish or a crash go out on the next tick. */
    @Scheduled(every = "${ledger.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        wakeUp();
        try {
            backlog.set(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count()));
        } catch (RuntimeException e) {
            LOG.debugf("could not count the outbox backlog: %s", e);
        }
    }

    private void relay() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox relay failed; the rows stay and are retried on the next tick");
        }
    }

    /** @return how many rows were published (and deleted) */
    int publishBatch() throws Exception {
        boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_ID).getSingleResult();
        if (!locked) {
            return 0;
        }
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("ORDER BY id").page(0, batchSize).list();
        if (batch.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] acks = batch.stream()
                .map(row -> emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage())
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(acks).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Instant acked = Instant.now();
        batch.forEach(row -> publishLatency.record(Duration.between(row.createdAt, acked)));
        OutboxMessage.delete("id IN ?1", batch.stream().map(row -> row.id).toList());
        LOG.debugf("published %d outbox rows", batch.size());
        return batch.size();
    }

    /** On shutdown, a batch being published is finished (and its rows deleted) before the producer closes. */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(publishTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("the outbox relay did not finish its batch in time; its rows are published again after restart");
        }
    }

    private static Message<String> toMessage(OutboxMessage row) {
        RecordHeaders headers = new RecordHeaders();
        row.headers.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.recordKey)
                .withHeaders(headers)
                .build());
    }
}
