package org.restrictionledger.ledger.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.store.EventStore;
import org.restrictionledger.ledger.store.Outbox;
import org.restrictionledger.ledger.store.ProcessedCommand;
import org.restrictionledger.support.messaging.Failure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides one command in ONE database transaction: the events it appends, the record that the command was processed,
 * and the outbox rows for the events and the outcome commit together or not at all.
 */
@ApplicationScoped
public class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    private final EventStore store;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    CommandHandler(EventStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** A decided command: its outcome, the types of the events it appended, the kind of rule that refused it. */
    public record Handled(CommandOutcome outcome, List<String> eventTypes, Decision.Code rejection) {
    }

    /** @return what was decided, or null when the command had been processed before (a redelivery) */
    @Transactional
    public Handled handle(LedgerCommand command) {
        if (ProcessedCommand.findById(command.commandId()) != null) {
            LOG.infof("command %s on %s was processed before; redelivery ignored", command.commandId(), command.stream());
            return null;
        }
        List<RecordedEvent> history = store.stream(command.stream());
        long version = history.isEmpty() ? 0 : history.get(history.size() - 1).streamVersion();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);

        CommandOutcome outcome;
        List<String> types = new ArrayList<>();
        Decision decision = Decider.decide(history, command,
                new Decider.Context(LocalDate.ofInstant(now, ZoneOffset.UTC), store::streamOf));
        if (decision instanceof Decision.Accept accept) {
            String prevHash = history.isEmpty() ? EventHashing.GENESIS : history.get(history.size() - 1).hash();
            List<UUID> ids = new ArrayList<>();
            for (LedgerEvent event : accept.events()) {
                RecordedEvent recorded = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), command.stream(),
                        ++version, store.nextPosition(), now, command.commandId(), prevHash, null, event));
                List<String> schemaErrors = EventSchemas.validate(Json.mapper().valueToTree(recorded));
                if (!schemaErrors.isEmpty()) {
                    // The decision produced what no partner could read: refuse it rather than publish it.
                    throw new Failure.Refused("the event would break the " + event.type() + " schema: "
                            + String.join("; ", schemaErrors));
                }
                store.append(recorded);
                outbox.event(recorded);
                ids.add(recorded.eventId());
                types.add(event.type());
                prevHash = recorded.hash();
                LOG.infof("appended %s %s v%d to %s", event.type(), recorded.eventId(), version, command.stream());
            }
            outcome = CommandOutcome.accepted(command.commandId(), command.stream(), ids, version, now);
        } else {
            String reason = ((Decision.Reject) decision).reason();
            outcome = CommandOutcome.rejected(command.commandId(), command.stream(), version, reason, now);
            LOG.infof("rejected command %s on %s: %s", command.commandId(), command.stream(), reason);
        }
        processed(command, outcome, now);
        return new Handled(outcome, types, decision instanceof Decision.Reject r ? r.code() : null);
    }

    /**
     * Rejects a command that could not be decided or stored for a reason of its own (a value the database refuses, an
     * event its schema refuses), so that the submission ends and the partition moves on. Nothing is appended.
     *
     * @return the rejection, or null when the command had been processed before
     */
    @Transactional
    public Handled refuse(LedgerCommand command, String why) {
        if (ProcessedCommand.findById(command.commandId()) != null) {
            return null;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long version = store.versionOf(command.stream());
        CommandOutcome outcome = CommandOutcome.rejected(command.commandId(), command.stream(), version,
                "unprocessable: " + why, now);
        LOG.warnf("rejected command %s on %s as unprocessable: %s", command.commandId(), command.stream(), why);
        processed(command, outcome, now);
        return new Handled(outcome, List.of(), Decision.Code.UNPROCESSABLE);
    }

    private void processed(LedgerCommand command, CommandOutcome outcome, Instant now) {
        ProcessedCommand processed = new ProcessedCommand();
        processed.commandId = command.commandId();
        processed.streamId = command.stream().toString();
        processed.decision = outcome.decision().name();
        processed.reason = outcome.reason();
        processed.processedAt = now;
        processed.persist();
        outbox.outcome(outcome);
    }
}
