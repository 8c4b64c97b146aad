package org.restrictionledger.ledger.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.support.messaging.DurableProcessing;

import java.util.Locale;

/**
 * Consumes {@code restrictions.commands.v1} (group {@code ledger-service}), one record at a time per partition, so
 * one stream's commands are decided in order. The offset is committed only after the command's transaction commits;
 * a redelivery after a crash finds the command processed and changes nothing. A record that is not a command goes to
 * {@code restrictions.commands.v1.ledger-service.dlq} and consumption goes on. Metrics:
 * {@code ledger.commands{decision,reason}}, {@code ledger.events.appended{type}}, {@code ledger.commands.redelivered}.
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
    public void consume(String payload) {
        LedgerCommand command = Json.read(payload, LedgerCommand.class);
        if (command.commandId() == null || command.stream() == null || command.effective() == null
                || command.sources() == null || command.sources().isEmpty()) {
            throw new IllegalArgumentException("command lacks commandId, stream, effective or sources: " + payload);
        }
        CommandHandler.Handled handled = durably.untilDone("command " + command.commandId() + " on " + command.stream(),
                () -> handler.handle(command));
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
