package org.restrictionledger.query.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.query.projection.Projection;
import org.restrictionledger.support.messaging.DurableProcessing;

import java.nio.charset.StandardCharsets;

/**
 * Consumes {@code restrictions.events.v1} (group {@code query-service}) into the read model. Each record must be a
 * CloudEvent whose data passes its type's JSON Schema and agrees with its headers; anything else goes to
 * {@code restrictions.events.v1.query-service.dlq} and consumption goes on.
 */
@ApplicationScoped
public class EventConsumer {

    /** Incoming channel from {@code restrictions.events.v1}. */
    public static final String CHANNEL = "events";

    private final Projection projection;
    private final DurableProcessing durably;

    EventConsumer(Projection projection, DurableProcessing durably) {
        this.projection = projection;
        this.durably = durably;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("empty record at offset " + record.offset());
        }
        RecordedEvent event = EventCodec.decode(record.value());
        String type = header(record, CloudEvents.HEADER_TYPE);
        String id = header(record, CloudEvents.HEADER_ID);
        if (!event.cloudEventType().equals(type) || !event.eventId().toString().equals(id)) {
            throw new IllegalArgumentException("CloudEvent headers (" + CloudEvents.HEADER_ID + "=" + id + ", "
                    + CloudEvents.HEADER_TYPE + "=" + type + ") disagree with the data of event " + event.eventId());
        }
        durably.untilDone("event " + event.eventId() + " of " + event.stream(),
                () -> projection.apply(event, record.partition(), record.offset()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
