package org.restrictionledger.ledger.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.restrictionledger.ledger.config.OutboxConfig;
import org.restrictionledger.ledger.store.Outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows in their order of writing, then deletes them. One relay works at a time across all ledger
 * instances (a PostgreSQL advisory lock), so per-stream order holds. A crash between publishing and deleting
 * publishes a batch again: consumers dedupe by event id.
 * <p>
 * A batch is sent with the {@code outbox} channel's own Kafka producer (its configuration: acks=all, idempotent,
 * {@code mp.messaging.outgoing.outbox.*}), every record at once, and the relay then waits for all acknowledgements:
 * no per-record round trip, and none of the channel's per-message plumbing.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Outgoing channel; each record names its own topic (events or outcomes). */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final KafkaClientService kafka;
    private final Outbox outbox;
    private final int batchSize;
    private final Duration publishTimeout;
    /** One relay at a time in this instance; a wake-up while one runs queues exactly one more run. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final Timer publishLatency;

    /**
     * @param channel declares the {@code outbox} channel, so that its producer exists; records go out through
     *                {@link KafkaClientService#getProducer} rather than through the emitter
     */
    OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService kafka, Outbox outbox,
                MeterRegistry registry, OutboxConfig config) {
        this.kafka = kafka;
        this.outbox = outbox;
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
            backlog.set(QuarkusTransaction.requiringNew().call(outbox::backlog));
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
        if (!outbox.lockRelay()) {
            return 0;
        }
        List<Outbox.Pending> batch = outbox.oldest(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        Producer<String, String> producer = kafka.<String, String>getProducer(CHANNEL).unwrap();
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Outbox.Pending row : batch) {
            // Without a broker, each send may block for max.block.ms: the batch as a whole keeps to the timeout.
            if (deadline - System.nanoTime() <= 0) {
                throw new TimeoutException("the broker did not take the batch within " + publishTimeout);
            }
            acks.add(producer.send(toRecord(row)));
        }
        for (Future<RecordMetadata> ack : acks) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("the broker did not acknowledge the batch within " + publishTimeout);
            }
            ack.get(left, TimeUnit.NANOSECONDS);
        }
        Instant acked = Instant.now();
        batch.forEach(row -> publishLatency.record(Duration.between(row.createdAt(), acked)));
        outbox.delete(batch);
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

    private static ProducerRecord<String, String> toRecord(Outbox.Pending row) {
        RecordHeaders headers = new RecordHeaders();
        row.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
    }
}
