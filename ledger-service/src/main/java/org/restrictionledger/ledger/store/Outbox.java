package org.restrictionledger.ledger.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.ledger.config.CloudEventsConfig;
import org.restrictionledger.ledger.config.ContractConfig;
import org.restrictionledger.support.messaging.Failure;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what must be published into the outbox table, inside the caller's transaction: events as CloudEvents 1.0
 * (Kafka binary mode) for {@code restrictions.events.v1}, with each event the stream's status after it for the
 * compacted {@code restrictions.status.v1}, and outcomes for {@code restrictions.outcomes.v1}. Because they commit
 * with the events, the status records are exactly as many, in the same order, as the events.
 */
@ApplicationScoped
public class Outbox {

    /** W3C Trace Context header: the trace of the command that wrote the row continues where the row is consumed. */
    static final String TRACEPARENT = "traceparent";

    private static final long RELAY_LOCK = 0x4c45444745520001L;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final String source;
    private final ContractConfig contract;
    private final EntityManager em;

    Outbox(CloudEventsConfig cloudEvents, ContractConfig contract, EntityManager em) {
        this.source = cloudEvents.source();
        this.contract = contract;
        this.em = em;
    }

    /**
     * Queues the events, each followed by the stream's status after it, in one JDBC batch; the event's JSON as
     * sealed (serialised once).
     *
     * @throws Failure.Refused when an event breaks its own JSON Schema: what no partner could read is never
     *                         published; the command that proposed it is rejected as unprocessable
     */
    public void events(List<Ledger.Sealed> events) {
        List<Row> rows = new ArrayList<>(events.size() * 2);
        for (Ledger.Sealed sealed : events) {
            rows.add(eventRow(sealed.event(), sealed.data(), sealed.traceparent()));
            rows.add(statusRow(sealed.event(), sealed.statusAfter(), sealed.traceparent()));
        }
        insert(rows);
    }

    /** Queues the outcomes in one JDBC batch. */
    public void outcomes(List<CommandOutcome> outcomes, Map<java.util.UUID, String> traces) {
        List<Row> rows = new ArrayList<>(outcomes.size());
        for (CommandOutcome outcome : outcomes) {
            rows.add(outcomeRow(outcome, traces.get(outcome.commandId())));
        }
        insert(rows);
    }

    private record Row(String topic, String key, Map<String, String> headers, String payload, Instant at) {
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO outbox (topic, record_key, headers, payload, created_at)
                    VALUES (?, ?, CAST(? AS jsonb), ?, ?)""")) {
                for (Row row : rows) {
                    insert.setString(1, row.topic());
                    insert.setString(2, row.key());
                    insert.setString(3, Json.write(row.headers()));
                    insert.setString(4, row.payload());
                    insert.setTimestamp(5, Timestamp.from(row.at()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private Row eventRow(RecordedEvent event, String data, String traceparent) {
        List<String> violations = EventSchemas.validate(Json.tree(data));
        if (!violations.isEmpty()) {
            throw new Failure.Refused("the " + event.event().type() + " event would break its schema: " + violations);
        }
        Map<String, String> headers = CloudEvents.headers(event, source, contract.baseUrl());
        traceparent(traceparent).ifPresent(t -> headers.put(TRACEPARENT, t));
        return new Row(Topics.EVENTS, event.stream().toString(), headers, data, event.recordedAt());
    }

    /**
     * The stream's status right after the event, for the compacted {@code restrictions.status.v1}: the document the
     * query API's detail shows, folded by the same {@link StatusFold} from the history the decision already holds,
     * plus the id of the event that caused it. Serialised once; not validated here: a status is derived from events
     * that were, and that every status the fold can produce matches its schema is a property the fold's tests check
     * over random histories ({@code StatusFoldPropertiesTest}).
     */
    private static Row statusRow(RecordedEvent event, StreamStatus status, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        traceparent(traceparent).ifPresent(t -> headers.put(TRACEPARENT, t));
        return new Row(Topics.STATUS, event.stream().toString(), headers, status.document(event.eventId()),
                event.recordedAt());
    }

    /**
     * The trace a row continues: the command's own (batches decide many commands, each with its trace), else the
     * current span as a W3C traceparent; empty when tracing is off or there is none.
     */
    private static Optional<String> traceparent(String ofCommand) {
        if (ofCommand != null) {
            return Optional.of(ofCommand);
        }
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex())
                : Optional.empty();
    }

    /** A signed checkpoint for {@code restrictions.checkpoints.v1}, keyed by its id. */
    public void checkpoint(Checkpoint checkpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        insert(List.of(new Row(Topics.CHECKPOINTS, checkpoint.checkpointId().toString(), headers,
                Json.write(checkpoint), checkpoint.createdAt())));
    }

    /** A row waiting to be published: {@code id} orders the rows (and names it for {@link #delete}). */
    public record Pending(long id, String topic, String key, Map<String, String> headers, String payload,
                          Instant createdAt) {
    }

    /**
     * Takes the relay's lock for the caller's transaction: one relay at a time across all ledger instances, so rows go
     * out in the order they were written.
     *
     * @return false when another instance's relay holds it
     */
    public boolean lockRelay() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        });
    }

    /** The oldest rows, at most {@code limit}, in the order they were written. */
    public List<Pending> oldest(int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, topic, record_key, headers::text, payload, created_at
                    FROM outbox ORDER BY id LIMIT ?""")) {
                select.setInt(1, limit);
                List<Pending> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Pending(result.getLong(1), result.getString(2), result.getString(3),
                                Json.read(result.getString(4), HEADERS), result.getString(5),
                                result.getTimestamp(6).toInstant()));
                    }
                }
                return rows;
            }
        });
    }

    /** Deletes published rows by id (never by range: a row with a lower id may commit after a higher one). */
    public void delete(List<Pending> published) {
        if (published.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)")) {
                delete.setArray(1, c.createArrayOf("bigint", published.stream().map(Pending::id).toArray()));
                delete.executeUpdate();
            }
        });
    }

    /** Rows not yet published. */
    public long backlog() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM outbox");
                 ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    private static Row outcomeRow(CommandOutcome outcome, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        traceparent(traceparent).ifPresent(t -> headers.put(TRACEPARENT, t));
        return new Row(Topics.OUTCOMES, outcome.stream().toString(), headers, Json.write(outcome), outcome.decidedAt());
    }
}
