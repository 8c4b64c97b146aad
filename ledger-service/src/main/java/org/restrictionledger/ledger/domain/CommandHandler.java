package org.restrictionledger.ledger.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.status.StreamFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.ledger.store.EventStore;
import org.restrictionledger.ledger.store.Ledger;
import org.restrictionledger.ledger.store.StreamCache;
import org.restrictionledger.support.messaging.Traces;
import org.restrictionledger.support.persistence.AfterTransaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides a batch of commands in ONE database transaction: the events they append, the records that they were
 * processed, and the outbox rows for the events and the outcomes commit together or not at all. Commands are decided
 * in the order given (the order of their partition), each against its stream's history and status including what the
 * commands before it in the batch appended. A stream's history is read once per batch at most (and not at all while
 * the {@link StreamCache} holds it), and its status is kept with it ({@link StreamFold}): an event in valid-time order
 * costs one fact applied, not a refold of the stream. Positions come in one block; every write is one JDBC batch;
 * every event is serialised once ({@link EventCodec#seal}).
 */
@ApplicationScoped
public class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    private final Ledger ledger;
    private final EventStore store;
    private final StreamCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock = Clock.systemUTC();

    CommandHandler(Ledger ledger, EventStore store, StreamCache cache, TransactionSynchronizationRegistry transactions) {
        this.ledger = ledger;
        this.store = store;
        this.cache = cache;
        this.transactions = transactions;
    }

    /** A decided command: its outcome, the types of the events it appended, the kind of rule that refused it. */
    public record Handled(CommandOutcome outcome, List<String> eventTypes, Decision.Code rejection) {
    }

    /** @return what was decided, or null when the command had been processed before (a redelivery) */
    @Transactional
    public Handled handle(LedgerCommand command, String traceparent) {
        return handleAll(List.of(command), traceparent == null ? Map.of() : Map.of(command.commandId(), traceparent)).get(0);
    }

    @Transactional
    public Handled handle(LedgerCommand command) {
        return handle(command, null);
    }

    /**
     * @return per command, in order, what was decided, or null for a command processed before (a redelivery, also
     *         within the batch)
     */
    @Transactional
    public List<Handled> handleAll(List<LedgerCommand> commands, Map<UUID, String> traces) {
        Set<UUID> processed = new HashSet<>(ledger.processedAmong(commands.stream().map(LedgerCommand::commandId).toList()));
        Set<String> streams = new LinkedHashSet<>();
        commands.forEach(c -> streams.add(c.stream().toString()));
        Map<String, Ledger.Head> heads = ledger.heads(streams);
        Map<String, StreamCache.Cached> current = current(streams, heads);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, StreamId> appendedHere = new HashMap<>();
        Decider.Context context = new Decider.Context(LocalDate.ofInstant(now, ZoneOffset.UTC),
                id -> Optional.ofNullable(appendedHere.get(id)).or(() -> store.streamOf(id)));

        List<Handled> handled = new ArrayList<>(commands.size());
        List<RecordedEvent> proposed = new ArrayList<>();
        List<CommandOutcome> outcomes = new ArrayList<>();
        Map<UUID, StreamStatus> statusAfter = new HashMap<>();
        for (LedgerCommand command : commands) {
            if (!processed.add(command.commandId())) {
                LOG.debugf("command %s on %s was processed before; redelivery ignored", command.commandId(), command.stream());
                handled.add(null);
                continue;
            }
            StreamCache.Cached stream = current.get(command.stream().toString());
            List<RecordedEvent> history = stream.history();
            long version = history.isEmpty() ? 0 : history.get(history.size() - 1).streamVersion();
            Decision decision = Decider.decide(history, stream.fold().status(), stream.facts(), command, context);
            CommandOutcome outcome;
            List<String> types = new ArrayList<>();
            if (decision instanceof Decision.Accept accept) {
                List<UUID> ids = new ArrayList<>();
                for (LedgerEvent event : accept.events()) {
                    // Position and hash come once the whole batch is decided; nothing decided here depends on them.
                    RecordedEvent unsealed = new RecordedEvent(UUID.randomUUID(), command.stream(), ++version, 0, now,
                            command.commandId(), null, null, event, command.submitter());
                    history.add(unsealed);
                    // What the status after an event says does not depend on its position or hash.
                    stream.fold().add(unsealed);
                    statusAfter.put(unsealed.eventId(), stream.fold().status());
                    proposed.add(unsealed);
                    appendedHere.put(unsealed.eventId(), command.stream());
                    ids.add(unsealed.eventId());
                    types.add(event.type());
                }
                outcome = CommandOutcome.accepted(command.commandId(), command.stream(), ids, version, now);
            } else {
                Decision.Reject reject = (Decision.Reject) decision;
                outcome = CommandOutcome.rejected(command.commandId(), command.stream(), version, reject.reason(), now);
                LOG.debugf("rejected command %s on %s: %s", command.commandId(), command.stream(), reject.reason());
            }
            outcomes.add(outcome);
            handled.add(new Handled(outcome, types, decision instanceof Decision.Reject r ? r.code() : null));
        }

        List<Ledger.Sealed> sealed = seal(proposed, heads, current, statusAfter, traces);
        ledger.append(sealed);
        ledger.decided(outcomes, traces);
        // Per event at DEBUG, with the command's trace (ledger.events.appended counts them): at INFO, the log line cost
        // more than deciding the event.
        if (LOG.isDebugEnabled()) {
            sealed.forEach(s -> Traces.log(traces.get(s.event().commandId()), () -> LOG.debugf("appended %s %s v%d to %s",
                    s.event().event().type(), s.event().eventId(), s.event().streamVersion(), s.event().stream())));
        }
        cacheOnCommit(current);
        LOG.debugf("decided %d command(s), appended %d event(s) on %d stream(s)", outcomes.size(), sealed.size(), streams.size());
        return handled;
    }

    /**
     * Rejects a command that could not be decided or stored for a reason of its own (a value the database refuses, an
     * event its schema refuses), so that the submission ends and the partition moves on. Nothing is appended.
     *
     * @return the rejection, or null when the command had been processed before
     */
    @Transactional
    public Handled refuse(LedgerCommand command, String why, String traceparent) {
        if (!ledger.processedAmong(List.of(command.commandId())).isEmpty()) {
            return null;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CommandOutcome outcome = CommandOutcome.rejected(command.commandId(), command.stream(),
                store.versionOf(command.stream()), "unprocessable: " + why, now);
        LOG.warnf("rejected command %s on %s as unprocessable: %s", command.commandId(), command.stream(), why);
        ledger.decided(List.of(outcome), traceparent == null ? Map.of() : Map.of(command.commandId(), traceparent));
        return new Handled(outcome, List.of(), Decision.Code.UNPROCESSABLE);
    }

    /**
     * The streams as they stand: taken from the cache where it is current, else their histories read in one query
     * and folded once.
     */
    private Map<String, StreamCache.Cached> current(Set<String> streams, Map<String, Ledger.Head> heads) {
        Map<String, StreamCache.Cached> current = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String stream : streams) {
            StreamCache.Cached cached = cache.take(stream, heads.get(stream));
            if (cached != null) {
                current.put(stream, cached);
            } else {
                missing.add(stream);
            }
        }
        if (!missing.isEmpty()) {
            ledger.histories(missing).forEach((stream, stored) -> {
                List<RecordedEvent> history = new ArrayList<>(stored);
                // The fold reads the history it sits beside when it must fold again, instead of keeping a copy.
                StreamFold fold = StreamFold.backedBy(StreamId.parse(stream),
                        history.isEmpty() ? 0 : history.get(history.size() - 1).streamVersion(), () -> history);
                current.put(stream, new StreamCache.Cached(history, fold));
            });
        }
        return current;
    }

    /** Gives the proposed events their positions, in order, and chains and hashes them stream by stream. */
    private List<Ledger.Sealed> seal(List<RecordedEvent> proposed, Map<String, Ledger.Head> heads,
                                     Map<String, StreamCache.Cached> current, Map<UUID, StreamStatus> statusAfter,
                                     Map<UUID, String> traces) {
        List<Long> positions = ledger.positions(proposed.size());
        Map<String, String> last = new HashMap<>();
        heads.forEach((stream, head) -> last.put(stream, head.hash()));
        List<Ledger.Sealed> sealed = new ArrayList<>(proposed.size());
        for (int i = 0; i < proposed.size(); i++) {
            RecordedEvent e = proposed.get(i);
            String stream = e.stream().toString();
            EventCodec.Sealed recorded = EventCodec.seal(new RecordedEvent(e.eventId(), e.stream(), e.streamVersion(),
                    positions.get(i), e.recordedAt(), e.commandId(), last.getOrDefault(stream, EventHashing.GENESIS),
                    null, e.event(), e.submitter()));
            last.put(stream, recorded.event().hash());
            // A history holds every event of its stream from version 1: version n sits at index n - 1.
            current.get(stream).history().set((int) e.streamVersion() - 1, recorded.event());
            sealed.add(Ledger.Sealed.of(recorded, statusAfter.get(e.eventId()), traces.get(e.commandId())));
        }
        return sealed;
    }

    private void cacheOnCommit(Map<String, StreamCache.Cached> current) {
        AfterTransaction.onCommit(transactions, () -> current.forEach((stream, cached) -> {
            cached.fold().committed();
            cache.put(stream, cached);
        }));
    }
}
