package org.restrictionledger.ledger.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.support.messaging.DeadLetters;
import org.restrictionledger.support.messaging.DurableProcessing;
import org.restrictionledger.support.messaging.KafkaHeaders;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code restrictions.commands.v1} (group {@code ledger-service}) in batches (up to
 * {@code max.poll.records} at a time), decided in one transaction in partition order, so one stream's commands are
 * decided in order. The batch's offsets are committed only after its transaction commits; a redelivery after a crash
 * finds the commands processed and changes nothing. Failures are settled as {@link DurableProcessing} says: a
 * transient one is retried; a batch that fails for a reason of its own is decided again command by command, and a
 * command that cannot be stored (a value PostgreSQL refuses, an event its schema refuses) is REJECTED with reason
 * code {@code unprocessable}, so its submission ends and the partition moves on; a record that is not a command goes
 * to {@code restrictions.commands.v1.ledger-service.dlq} (with {@code dead-letter-*} headers) and the others go on.
 * Metrics: {@code ledger.commands{decision,reason}}, {@code ledger.events.appended{type}},
 * {@code ledger.commands.redelivered}.
 */
@ApplicationScoped
public class CommandConsumer {

    /** Incoming channel from {@code restrictions.commands.v1}. */
    public static final String CHANNEL = "commands";

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final CommandHandler handler;
    private final OutboxRelay relay;
    private final MeterRegistry registry;
    private final DurableProcessing durably;
    private final DeadLetters deadLetters;

    CommandConsumer(CommandHandler handler, OutboxRelay relay, MeterRegistry registry, DurableProcessing durably,
                    DeadLetters deadLetters) {
        this.handler = handler;
        this.relay = relay;
        this.registry = registry;
        this.durably = durably;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        try {
            List<LedgerCommand> commands = new ArrayList<>(batch.getRecords().size());
            Map<UUID, String> traces = new HashMap<>();
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                try {
                    LedgerCommand command = read(record.getPayload());
                    commands.add(command);
                    String trace = KafkaHeaders.text(record.getHeaders(), "traceparent");
                    if (trace != null) {
                        traces.put(command.commandId(), trace);
                    }
                } catch (RuntimeException unreadable) {
                    var meta = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
                    durably.untilDone("dead-lettering offset " + meta.getOffset(), () -> {
                        deadLetters.send(CHANNEL, meta.getRecord(), unreadable);
                        return null;
                    });
                    registry.counter("consumer.dlq.records").increment();
                }
            }
            decide(commands, traces);
            return batch.ack();
        } catch (DurableProcessing.Stopping stopping) {
            LOG.infof("stopping: a batch of %d command(s) is left for redelivery after the restart", batch.getRecords().size());
            return CompletableFuture.completedFuture(null);
        }
    }

    private static LedgerCommand read(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("empty record: not a command");
        }
        LedgerCommand command = Json.read(payload, LedgerCommand.class);
        if (command.commandId() == null || command.stream() == null || command.effective() == null
                || command.sources() == null || command.sources().isEmpty()) {
            throw new IllegalArgumentException("command lacks commandId, stream, effective or sources");
        }
        return command;
    }

    /** @param traces each command's W3C traceparent, so that its events and outcome continue its trace */
    private void decide(List<LedgerCommand> commands, Map<UUID, String> traces) {
        if (commands.isEmpty()) {
            return;
        }
        try {
            durably.untilDone("a batch of " + commands.size() + " command(s)", () -> handler.handleAll(commands, traces))
                    .forEach(this::count);
        } catch (DurableProcessing.Unprocessable e) {
            // One of them is poison: decide each alone, so that only that one is refused.
            LOG.warnf("a batch of %d command(s) failed (%s); deciding them one by one", commands.size(), e.getMessage());
            commands.forEach(command -> decideAlone(command, traces.get(command.commandId())));
        }
        relay.wakeUp();
    }

    private void decideAlone(LedgerCommand command, String traceparent) {
        String what = "command " + command.commandId() + " on " + command.stream();
        CommandHandler.Handled handled;
        try {
            handled = durably.untilDone(what, () -> handler.handle(command, traceparent));
        } catch (DurableProcessing.Unprocessable e) {
            handled = durably.untilDone(what + " (rejecting)", () -> handler.refuse(command, e.getMessage(), traceparent));
        }
        count(handled);
    }

    private void count(CommandHandler.Handled handled) {
        if (handled == null) {
            registry.counter("ledger.commands.redelivered").increment();
            return;
        }
        registry.counter("ledger.commands", "decision", handled.outcome().decision().name().toLowerCase(Locale.ROOT),
                "reason", handled.rejection() == null ? "none" : handled.rejection().name().toLowerCase(Locale.ROOT)).increment();
        handled.eventTypes().forEach(type -> registry.counter("ledger.events.appended", "type", type).increment());
    }
}
