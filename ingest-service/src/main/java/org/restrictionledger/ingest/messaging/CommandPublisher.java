package org.restrictionledger.ingest.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts commands on {@code restrictions.commands.v1}, keyed by stream id, and returns only once the broker has them
 * (acks=all, idempotent producer: see application.properties): a 202 means the command is durable. Records go out
 * through the {@code commands} channel's own Kafka producer, straight from the calling thread, without the channel's
 * per-message plumbing.
 */
@ApplicationScoped
public class CommandPublisher {

    /** Outgoing channel to {@code restrictions.commands.v1}. */
    public static final String CHANNEL = "commands";
    /** Commands in flight at once for a batch. */
    static final int WINDOW = 1000;

    private final KafkaClientService kafka;
    private final String topic;
    private final Duration timeout;
    private volatile Producer<String, String> producer;

    /**
     * @param channel declares the {@code commands} channel, so that its producer exists
     * @param topic   the channel's topic
     */
    CommandPublisher(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService kafka,
                     @ConfigProperty(name = "mp.messaging.outgoing.commands.topic") String topic, IngestConfig config) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = config.publishTimeout();
    }

    /** @throws RuntimeException when the broker did not acknowledge within {@code ingest.publish-timeout} */
    public void publish(LedgerCommand command) {
        send(command, System.nanoTime() + timeout.toNanos()).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Publishes every command; the answer says, per command and in order, whether the broker took it. */
    public List<Boolean> publishAll(List<LedgerCommand> commands) {
        List<Boolean> published = new ArrayList<>(commands.size());
        for (int from = 0; from < commands.size(); from += WINDOW) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<CompletableFuture<Void>> window = commands.subList(from, Math.min(from + WINDOW, commands.size()))
                    .stream().map(command -> send(command, deadline)).toList();
            CompletableFuture<?> all = CompletableFuture.allOf(window.toArray(CompletableFuture[]::new));
            try {
                all.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception partial) {
                // some failed or timed out: each future says which
            }
            window.forEach(f -> published.add(f.isDone() && !f.isCompletedExceptionally()));
        }
        return published;
    }

    /** The {@code commands} channel's producer, which SmallRye creates once with the channel: looked up once. */
    private Producer<String, String> producer() {
        Producer<String, String> known = producer;
        if (known == null) {
            known = kafka.<String, String>getProducer(CHANNEL).unwrap();
            producer = known;
        }
        return known;
    }

    /**
     * Hands the command to the producer, unless the deadline has passed: with no broker to say where a record goes,
     * each send may block for the channel's {@code max.block.ms}, and a batch must not wait that once per command.
     */
    private CompletableFuture<Void> send(LedgerCommand command, long deadline) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        if (deadline - System.nanoTime() <= 0) {
            acked.completeExceptionally(new TimeoutException("not sent: the broker did not take the batch within " + timeout));
            return acked;
        }
        try {
            Producer<String, String> producer = producer();
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, command.stream().toString(),
                    Json.write(command));
            // The request's trace continues in the ledger (W3C traceparent; nothing when tracing is off).
            W3CTraceContextPropagator.getInstance().inject(Context.current(), record.headers(),
                    (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e); // not even handed to the producer (too large, or the producer closed)
        }
        return acked;
    }
}
