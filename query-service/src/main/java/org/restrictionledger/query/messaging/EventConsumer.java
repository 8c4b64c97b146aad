package org.restrictionledger.query.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.query.projection.Projection;

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

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int ATTEMPTS = 3;

    private final Projection projection;

    EventConsumer(Projection projection) {
        this.projection = projection;
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
        applyWithRetries(event, record);
    }

    /**
     * A valid event that fails to apply (the database briefly away, a rebuild swapping tables under a transaction)
     * is tried again before it is given up to the dead-letter topic; applying is idempotent, so a retry is safe.
     */
    private void applyWithRetries(RecordedEvent event, ConsumerRecord<String, String> record) {
        for (int attempt = 1; ; attempt++) {
            try {
                projection.apply(event, record.partition(), record.offset());
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("applying event %s of %s failed (attempt %d of %d): %s", event.eventId(), event.stream(),
                        attempt, ATTEMPTS, e.toString());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
