package org.restrictionledger.ledger.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.ledger.config.ContractConfig;

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

    private final String source;
    private final ContractConfig contract;
    private final EventStore store;

    Outbox(@ConfigProperty(name = "ledger.cloudevents.source", defaultValue = "/restriction-ledger/ledger-service") String source,
           ContractConfig contract, EventStore store) {
        this.source = source;
        this.contract = contract;
        this.store = store;
    }

    /** @throws IllegalStateException when the event breaks its own JSON Schema: a bug, never to be published */
    public void event(RecordedEvent event) {
        String data = EventCodec.encode(event);
        List<String> violations = EventSchemas.validate(Json.tree(data));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("event " + event.eventId() + " breaks its schema: " + violations);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.HEADER_ID, event.eventId().toString());
        headers.put(CloudEvents.HEADER_SOURCE, source);
        headers.put(CloudEvents.HEADER_TYPE, event.cloudEventType());
        headers.put(CloudEvents.HEADER_SUBJECT, event.stream().toString());
        headers.put(CloudEvents.HEADER_TIME, event.recordedAt().toString());
        headers.put(CloudEvents.HEADER_DATA_SCHEMA, CloudEvents.dataSchemaOf(contract.baseUrl(), event.event().type()));
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        headers.put(CloudEvents.HEADER_STREAM_VERSION, Long.toString(event.streamVersion()));
        headers.put(CloudEvents.HEADER_POSITION, Long.toString(event.position()));
        traceparent().ifPresent(t -> headers.put(TRACEPARENT, t));
        OutboxMessage.of(Topics.EVENTS, event.stream().toString(), headers, data, event.recordedAt())
                .persist();
        status(event);
    }

    /**
     * The stream's status right after the event (the event already appended in this transaction): the document the
     * query API's detail shows, folded by the same {@link StatusFold}, plus the id of the event that caused it.
     */
    private void status(RecordedEvent event) {
        List<RecordedEvent> upToEvent = store.stream(event.stream()).stream()
                .filter(e -> e.streamVersion() <= event.streamVersion())
                .toList();
        ObjectNode document = Json.mapper().valueToTree(StatusFold.fold(event.stream(), upToEvent));
        document.put("eventId", event.eventId().toString());
        List<String> violations = EventSchemas.validate(EventSchemas.STATUS, document);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("status after " + event.eventId() + " breaks its schema: " + violations);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        traceparent().ifPresent(t -> headers.put(TRACEPARENT, t));
        OutboxMessage.of(Topics.STATUS, event.stream().toString(), headers, Json.write(document), event.recordedAt())
                .persist();
    }

    /** The current span as a W3C traceparent; empty when tracing is off or there is no span. */
    private static Optional<String> traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex())
                : Optional.empty();
    }

    /** A signed checkpoint for {@code restrictions.checkpoints.v1}, keyed by its id. */
    public void checkpoint(Checkpoint checkpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        OutboxMessage.of(Topics.CHECKPOINTS, checkpoint.checkpointId().toString(), headers, Json.write(checkpoint),
                checkpoint.createdAt()).persist();
    }

    public void outcome(CommandOutcome outcome) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        traceparent().ifPresent(t -> headers.put(TRACEPARENT, t));
        OutboxMessage.of(Topics.OUTCOMES, outcome.stream().toString(), headers, Json.write(outcome), outcome.decidedAt())
                .persist();
    }
}
