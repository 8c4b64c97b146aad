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
import org.restrictionledger.ledger.config.ContractConfig;

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
    private final ContractConfig contract;

    Outbox(@ConfigProperty(name = "ledger.cloudevents.source", defaultValue = "/restriction-ledger/ledger-service") String source,
           ContractConfig contract) {
        this.source = source;
        this.contract = contract;
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
    }

    /** The current span as a W3C traceparent; empty when tracing is off or there is no span. */
    private static Optional<String> traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex())
                : Optional.empty();
    }

    public void outcome(CommandOutcome outcome) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON);
        traceparent().ifPresent(t -> headers.put(TRACEPARENT, t));
        OutboxMessage.of(Topics.OUTCOMES, outcome.stream().toString(), headers, Json.write(outcome), outcome.decidedAt())
                .persist();
    }
}
