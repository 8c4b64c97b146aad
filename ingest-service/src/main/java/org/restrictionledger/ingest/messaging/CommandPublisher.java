package org.restrictionledger.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.config.IngestConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Puts commands on {@code restrictions.commands.v1}, keyed by stream id, and returns only once the broker has them
 * (acks=all, idempotent producer: see application.properties): a 202 means the command is durable.
 */
@ApplicationScoped
public class CommandPublisher {

    /** Outgoing channel to {@code restrictions.commands.v1}. */
    public static final String CHANNEL = "commands";
    /** Commands in flight at once for a batch; the emitter buffers at most twice that. */
    static final int WINDOW = 1000;

    private final MutinyEmitter<String> emitter;
    private final Duration timeout;

    CommandPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * WINDOW)
                     MutinyEmitter<String> emitter,
                     IngestConfig config) {
        this.emitter = emitter;
        this.timeout = config.publishTimeout();
    }

    /** @throws RuntimeException when the broker did not acknowledge within {@code ingest.publish-timeout} */
    public void publish(LedgerCommand command) {
        send(command).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Publishes every command; the answer says, per command and in order, whether the broker took it. */
    public List<Boolean> publishAll(List<LedgerCommand> commands) {
        List<Boolean> published = new ArrayList<>(commands.size());
        for (int from = 0; from < commands.size(); from += WINDOW) {
            List<CompletableFuture<Void>> window = commands.subList(from, Math.min(from + WINDOW, commands.size()))
                    .stream().map(this::send).toList();
            CompletableFuture<?> all = CompletableFuture.allOf(window.toArray(CompletableFuture[]::new));
            try {
                all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception partial) {
                // some failed or timed out: each future says which
            }
            window.forEach(f -> published.add(f.isDone() && !f.isCompletedExceptionally()));
        }
        return published;
    }

    private CompletableFuture<Void> send(LedgerCommand command) {
        Message<String> message = Message.of(Json.write(command)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(command.stream().toString()).build());
        return emitter.sendMessage(message).subscribeAsCompletionStage();
    }
}
