package org.restrictionledger.ledger.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StreamStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger's writes and reads for a batch of commands, each a single round trip inside the caller's transaction:
 * which commands were decided before, the heads of the streams the batch touches, their histories, a block of
 * positions, and JDBC batches appending events, processed commands and outbox rows. The bytes of an event are
 * serialised once (by {@link Sealed}) and those bytes are stored and published.
 */
@ApplicationScoped
public class Ledger {

    /**
     * An event sealed for the store, with its JSON as hashed, stored and published, and the stream's status right
     * after it (for {@code restrictions.status.v1}).
     */
    public record Sealed(RecordedEvent event, String data, StreamStatus statusAfter, String traceparent) {
        /** @param traceparent the W3C trace context of the command that proposed it (null: none) */
        public static Sealed of(EventCodec.Sealed sealed, StreamStatus statusAfter, String traceparent) {
            return new Sealed(sealed.event(), sealed.data(), statusAfter, traceparent);
        }
    }

    /** A stream's last event: its version and hash, to tell whether a cached history is still the stored one. */
    public record Head(long version, String hash) {
    }

    private final EntityManager em;
    private final Outbox outbox;

    Ledger(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The command ids among these that were decided before (a redelivery). */
    public Set<UUID> processedAmong(Collection<UUID> commandIds) {
        Set<UUID> processed = new HashSet<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT command_id FROM processed_commands WHERE command_id = ANY(?)")) {
                select.setArray(1, c.createArrayOf("uuid", commandIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        processed.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        });
        return processed;
    }

    /** The head of each stream that has events. */
    public Map<String, Head> heads(Collection<String> streams) {
        Map<String, Head> heads = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM events
                    WHERE stream_id = ANY(?) ORDER BY stream_id, stream_version DESC""")) {
                select.setArray(1, c.createArrayOf("text", streams.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        heads.put(rows.getString(1), new Head(rows.getLong(2), rows.getString(3)));
                    }
                }
            }
        });
        return heads;
    }

    /** The histories of these streams, each in stream-version order. */
    public Map<String, List<RecordedEvent>> histories(Collection<String> streams) {
        Map<String, List<RecordedEvent>> histories = new HashMap<>();
        streams.forEach(s -> histories.put(s, new ArrayList<>()));
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT stream_id, data FROM events WHERE stream_id = ANY(?) ORDER BY stream_id, stream_version")) {
                select.setArray(1, c.createArrayOf("text", streams.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        histories.get(rows.getString(1)).add(Json.read(rows.getString(2), RecordedEvent.class));
                    }
                }
            }
        });
        return histories;
    }

    /** {@code count} ledger-wide positions, ascending, taken before the events are hashed (the hash covers them). */
    public List<Long> positions(int count) {
        List<Long> positions = new ArrayList<>(count);
        if (count == 0) {
            return positions;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT nextval('event_position_seq') FROM generate_series(1, ?)")) {
                select.setInt(1, count);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        positions.add(rows.getLong(1));
                    }
                }
            }
        });
        positions.sort(null);
        return positions;
    }

    /** Appends the events and their outbox rows. */
    public void append(List<Sealed> events) {
        if (events.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO events (position, event_id, stream_id, stream_version, event_type, effective_date,
                                        recorded_at, command_id, prev_hash, hash, data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
                for (Sealed sealed : events) {
                    RecordedEvent e = sealed.event();
                    insert.setLong(1, e.position());
                    insert.setObject(2, e.eventId());
                    insert.setString(3, e.stream().toString());
                    insert.setLong(4, e.streamVersion());
                    insert.setString(5, e.event().type());
                    insert.setObject(6, e.event().effective().date());
                    insert.setTimestamp(7, Timestamp.from(e.recordedAt()));
                    insert.setObject(8, e.commandId());
                    insert.setString(9, e.prevHash());
                    insert.setString(10, e.hash());
                    insert.setString(11, sealed.data());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        outbox.events(events);
    }

    /** Records the commands as decided and queues their outcomes. */
    public void decided(List<CommandOutcome> outcomes, Map<UUID, String> traces) {
        if (outcomes.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO processed_commands (command_id, stream_id, decision, reason, processed_at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                for (CommandOutcome o : outcomes) {
                    insert.setObject(1, o.commandId());
                    insert.setString(2, o.stream().toString());
                    insert.setString(3, o.decision().name());
                    if (o.reason() == null) {
                        insert.setNull(4, Types.VARCHAR);
                    } else {
                        insert.setString(4, o.reason());
                    }
                    insert.setTimestamp(5, Timestamp.from(o.decidedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        outbox.outcomes(outcomes, traces);
    }
}
