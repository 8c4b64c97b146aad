package org.restrictionledger.ledger.store;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.support.messaging.Failure;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what must be published into the outbox table, inside the caller's transaction: events as CloudEvents 1.0
 * (Kafka binary mode) for {@code restrictions.events.v1}, outcomes for {@code restrictions.outcomes.v1}.
 */
@ApplicationScoped
public class Outbox {

    /** W3C Trace Context header: the trace of the command that wrote the row continues where the row is consumed. */
    static final String TRACEPARENT = "traceparent";

    private final String source;
    private final EntityManager em;

    Outbox(@ConfigProperty(name = "ledger.cloudevents.source", defaultValue = "/restriction-ledger/ledger-service") String source,
           EntityManager em) {
        this.source = source;
        this.em = em;
    }

    /** Queues the events (as {@link #event}) in one JDBC batch, their JSON as sealed: serialised once. */
    public void events(List<Ledger.Sealed> events) {
        List<Row> rows = new ArrayList<>(events.size());
        for (Ledger.Sealed sealed : events) {
            rows.add(eventRow(sealed.event(), sealed.data()));
        }
        insert(rows);
    }

    /** Queues the outcomes in one JDBC batch. */
    public void outcomes(List<CommandOutcome> outcomes) {
        List<Row> rows = new ArrayList<>(outcomes.size());
        for (CommandOutcome outcome : outcomes) {
            rows.add(outcomeRow(outcome));
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

    /**
     * @throws Failure.Refused when the event breaks its own JSON Schema: what no partner could read is never
     *                         published; the command that proposed it is rejected as unprocessable
     */
    public void event(RecordedEvent event) {
        Row row = eventRow(event, EventCodec.encode(event));
        OutboxMessage.of(row.topic(), row.key(), row.headers(), row.payload(), row.at()).persist();
    }

    private Row eventRow(RecordedEvent event, String data) {
        List<String> violations = EventSchemas.validate(Json.tree(data));
        if (!violations.isEmpty()) {
            throw new Failure.Refused("the " + event.event().type() + " event would break its schema: " + violations);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.HEADER_ID, event.eventId().toString());
        headers.put(CloudEvents.HEADER_SOURCE, source);
        headers.put(CloudEvents.HEADER_TYPE, event.cloudEventType());
        headers.put(CloudEvents.HEADER_SUBJECT, event.stream().toString());
        headers.put(CloudEvents.HEADER_TIME, event.recordedAt().toString());
        headers.put(CloudEvents.HEADER_DATA_SCHEMA, CloudEvents.dataSchemaOf(event.event().type()));
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        headers.put(CloudEvents.HEADER_STREAM_VERSION, Long.toString(event.streamVersion()));
        headers.put(CloudEvents.HEADER_POSITION, Long.toString(event.position()));
        traceparent().ifPresent(t -> headers.put(TRACEPARENT, t));
        return new Row(Topics.EVENTS, event.stream().toString(), headers, data, event.recordedAt());
    }

    /** The current span as a W3C traceparent; empty when tracing is off or there is no span. */
    private static Optional<String> traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex())
                : Optional.empty();
    }

    public void outcome(CommandOutcome outcome) {
        Row row = outcomeRow(outcome);
        OutboxMessage.of(row.topic(), row.key(), row.headers(), row.payload(), row.at()).persist();
    }

    private static Row outcomeRow(CommandOutcome outcome) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        traceparent().ifPresent(t -> headers.put(TRACEPARENT, t));
        return new Row(Topics.OUTCOMES, outcome.stream().toString(), headers, Json.write(outcome), outcome.decidedAt());
    }
}
