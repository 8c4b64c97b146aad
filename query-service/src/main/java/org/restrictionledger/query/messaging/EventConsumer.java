package org.restrictionledger.query.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.query.projection.ParkingLot;
import org.restrictionledger.query.projection.Projection;
import org.restrictionledger.support.messaging.DeadLetters;
import org.restrictionledger.support.messaging.DurableProcessing;
import org.restrictionledger.support.messaging.KafkaHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code restrictions.events.v1} (group {@code query-service}) into the read model, in batches (up to
 * {@code max.poll.records}) applied in one transaction. Each record must be a CloudEvent whose data passes its type's
 * JSON Schema and agrees with its headers; anything else goes to {@code restrictions.events.v1.query-service.dlq}
 * (with {@code dead-letter-*} headers) and the others go on. A batch that fails for a reason of its own is applied
 * again event by event, and an event that cannot be projected parks its stream ({@link ParkingLot}); a transient
 * failure is retried.
 */
@ApplicationScoped
public class EventConsumer {

    /** Incoming channel from {@code restrictions.events.v1}. */
    public static final String CHANNEL = "events";
    /**
     * The projection's own worker thread ({@code smallrye.messaging.worker.projection.max-concurrency}), not one of
     * the pool HTTP requests run on: requests waiting on {@code ?minVersion=} for the projection could otherwise hold
     * every thread of that pool, and the projection they wait for could not run until they gave up.
     */
    static final String WORKER = "projection";

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final ParkingLot parking;
    private final DurableProcessing durably;
    private final DeadLetters deadLetters;

    EventConsumer(ParkingLot parking, DurableProcessing durably, DeadLetters deadLetters) {
        this.parking = parking;
        this.durably = durably;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking(WORKER)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        try {
            List<Projection.Received> events = new ArrayList<>(batch.getRecords().size());
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                IncomingKafkaRecordMetadata<?, ?> meta = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
                try {
                    events.add(new Projection.Received(read(record.getPayload(), meta.getHeaders()),
                            record.getPayload(), meta.getPartition(), meta.getOffset(),
                            KafkaHeaders.text(meta.getHeaders(), "traceparent")));
                } catch (RuntimeException unreadable) {
                    durably.untilDone("dead-lettering offset " + meta.getOffset(), () -> {
                        deadLetters.send(CHANNEL, meta.getRecord(), unreadable);
                        return null;
                    });
                }
            }
            project(events);
            return batch.ack();
        } catch (DurableProcessing.Stopping stopping) {
            LOG.infof("stopping: a batch of %d event(s) is left for redelivery after the restart", batch.getRecords().size());
            return CompletableFuture.completedFuture(null);
        }
    }

    private static RecordedEvent read(String data, Headers headers) {
        return CloudEvents.read(data, name -> KafkaHeaders.text(headers, name));
    }

    private void project(List<Projection.Received> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            durably.untilDone("a batch of " + events.size() + " event(s)", () -> parking.applyAll(events));
        } catch (DurableProcessing.Unprocessable e) {
            LOG.warnf("a batch of %d event(s) failed (%s); applying them one by one", events.size(), e.getMessage());
            events.forEach(this::projectAlone);
        }
    }

    private void projectAlone(Projection.Received r) {
        String what = "event " + r.event().eventId() + " of " + r.event().stream();
        try {
            durably.untilDone(what, () -> parking.applyUnlessParked(r.event(), r.data(), r.partition(), r.offset()));
        } catch (DurableProcessing.Unprocessable e) {
            durably.untilDone(what + " (parking)", () -> {
                parking.park(r.event(), r.data(), r.partition(), r.offset(), e.getMessage());
                return null;
            });
        }
    }
}
