package org.restrictionledger.ledger.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.support.messaging.DurableProcessing;

import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code restrictions.commands.v1} (group {@code ledger-service}), one record at a time per partition, so
 * one stream's commands are decided in order. The offset is committed only after the command's transaction commits;
 * a redelivery after a crash finds the command processed and changes nothing. Failures are settled by
 * {@link DurableProcessing}: a transient one is retried; a command that cannot be stored for a reason of its own
 * (a value PostgreSQL refuses, an event its schema refuses) is REJECTED with reason code {@code unprocessable}, so its
 * submission ends and the partition moves on; a record that is not a command goes to
 * {@code restrictions.commands.v1.ledger-service.dlq}. Metrics: {@code ledger.commands{decision,reason}},
 * {@code ledger.events.appended{type}}, {@code ledger.commands.redelivered}.
 */
@ApplicationScoped
public class CommandConsumer {

    /** Incoming channel from {@code restrictions.commands.v1}. */
    public static final String CHANNEL = "commands";

    private final CommandHandler handler;
    private final OutboxRelay relay;
    private final MeterRegistry registry;
    private final DurableProcessing durably;

    CommandConsumer(CommandHandler handler, OutboxRelay relay, MeterRegistry registry, DurableProcessing durably) {
        this.handler = handler;
        this.relay = relay;
        this.registry = registry;
        this.durably = durably;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return durably.settle(message, () -> decide(read(message.getPayload())));
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

    private void decide(LedgerCommand command) {
        String what = "command " + command.commandId() + " on " + command.stream();
        CommandHandler.Handled handled;
        try {
            handled = durably.untilDone(what, () -> handler.handle(command));
        } catch (DurableProcessing.Unprocessable e) {
            handled = durably.untilDone(what + " (rejecting)", () -> handler.refuse(command, e.getMessage()));
        }
        if (handled == null) {
            registry.counter("ledger.commands.redelivered").increment();
            return;
        }
        relay.wakeUp();
        registry.counter("ledger.commands", "decision", handled.outcome().decision().name().toLowerCase(Locale.ROOT),
                "reason", handled.rejection() == null ? "none" : handled.rejection().name().toLowerCase(Locale.ROOT)).increment();
        handled.eventTypes().forEach(type -> registry.counter("ledger.events.appended", "type", type).increment());
    }
}
