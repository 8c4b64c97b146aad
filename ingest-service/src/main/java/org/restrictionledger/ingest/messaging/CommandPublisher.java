package org.restrictionledger.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;

import java.time.Duration;

/**
 * Puts commands on {@code restrictions.commands.v1}, keyed by stream id, and returns only once the broker has them
 * (acks=all, idempotent producer: see application.properties): a 202 means the command is durable.
 */
@ApplicationScoped
public class CommandPublisher {

    /** Outgoing channel to {@code restrictions.commands.v1}. */
    public static final String CHANNEL = "commands";

    private final MutinyEmitter<String> emitter;
    private final Duration timeout;

    CommandPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter,
                     @ConfigProperty(name = "ingest.publish-timeout", defaultValue = "10s") Duration timeout) {
        this.emitter = emitter;
        this.timeout = timeout;
    }

    /** @throws RuntimeException when the broker did not acknowledge within {@code ingest.publish-timeout} */
    public void publish(LedgerCommand command) {
        Message<String> message = Message.of(Json.write(command)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(command.stream().toString()).build());
        emitter.sendMessage(message).await().atMost(timeout);
    }
}
