package org.restrictionledger.query.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.query.projection.ParkingLot;
import org.restrictionledger.support.messaging.DurableProcessing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code restrictions.events.v1} (group {@code query-service}) into the read model. Each record must be a
 * CloudEvent whose data passes its type's JSON Schema and agrees with its headers; anything else goes to
 * {@code restrictions.events.v1.query-service.dlq} and consumption goes on. An event that is readable but cannot be
 * projected for a reason of its own parks its stream ({@link ParkingLot}); a transient failure is retried.
 */
@ApplicationScoped
public class EventConsumer {

    /** Incoming channel from {@code restrictions.events.v1}. */
    public static final String CHANNEL = "events";

    private final ParkingLot parking;
    private final DurableProcessing durably;

    EventConsumer(ParkingLot parking, DurableProcessing durably) {
        this.parking = parking;
        this.durably = durably;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        return durably.settle(message, () -> project(message.getPayload(), meta.getHeaders(), meta.getPartition(),
                meta.getOffset()));
    }

    private void project(String data, Headers headers, int partition, long offset) {
        if (data == null) {
            throw new IllegalArgumentException("empty record at offset " + offset);
        }
        RecordedEvent event = EventCodec.decode(data);
        String type = header(headers, CloudEvents.HEADER_TYPE);
        String id = header(headers, CloudEvents.HEADER_ID);
        if (!event.cloudEventType().equals(type) || !event.eventId().toString().equals(id)) {
            throw new IllegalArgumentException("CloudEvent headers (" + CloudEvents.HEADER_ID + "=" + id + ", "
                    + CloudEvents.HEADER_TYPE + "=" + type + ") disagree with the data of event " + event.eventId());
        }
        String what = "event " + event.eventId() + " of " + event.stream();
        try {
            durably.untilDone(what, () -> parking.applyUnlessParked(event, data, partition, offset));
        } catch (DurableProcessing.Unprocessable e) {
            durably.untilDone(what + " (parking)", () -> {
                parking.park(event, data, partition, offset, e.getMessage());
                return null;
            });
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
