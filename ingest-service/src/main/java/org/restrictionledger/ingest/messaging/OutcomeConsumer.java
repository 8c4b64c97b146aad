package org.restrictionledger.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.store.SubmissionStore;
import org.restrictionledger.support.messaging.DeadLetters;
import org.restrictionledger.support.messaging.DurableProcessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads the ledger's decisions from {@code restrictions.outcomes.v1} into the submissions table, in batches (up to
 * {@code max.poll.records}) written in one transaction. A record that is not an outcome goes to
 * {@code restrictions.outcomes.v1.ingest-service.dlq} and the others go on; a batch the store refuses for a reason
 * of its own is written again outcome by outcome, and an outcome it refuses alone is dead-lettered too. A transient
 * failure is retried.
 */
@ApplicationScoped
public class OutcomeConsumer {

    /** Incoming channel from {@code restrictions.outcomes.v1}, group {@code ingest-service}. */
    public static final String CHANNEL = "outcomes";

    private static final Logger LOG = Logger.getLogger(OutcomeConsumer.class);

    private final SubmissionStore submissions;
    private final MeterRegistry registry;
    private final DurableProcessing durably;
    private final DeadLetters deadLetters;

    OutcomeConsumer(SubmissionStore submissions, MeterRegistry registry, DurableProcessing durably, DeadLetters deadLetters) {
        this.submissions = submissions;
        this.registry = registry;
        this.durably = durably;
        this.deadLetters = deadLetters;
    }

    /** An outcome as read, and where from (to dead-letter it). */
    private record Received(CommandOutcome outcome, IncomingKafkaRecordMetadata<?, ?> meta) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        try {
            List<Received> outcomes = new ArrayList<>(batch.getRecords().size());
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                IncomingKafkaRecordMetadata<?, ?> meta = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
                try {
                    outcomes.add(new Received(read(record.getPayload()), meta));
                } catch (RuntimeException unreadable) {
                    deadLetter(meta, unreadable);
                }
            }
            record(outcomes);
            return batch.ack();
        } catch (DurableProcessing.Stopping stopping) {
            LOG.infof("stopping: a batch of %d outcome(s) is left for redelivery after the restart", batch.getRecords().size());
            return CompletableFuture.completedFuture(null);
        }
    }

    private static CommandOutcome read(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("empty record: not an outcome");
        }
        CommandOutcome outcome = Json.read(payload, CommandOutcome.class);
        if (outcome.commandId() == null || outcome.stream() == null || outcome.decision() == null) {
            throw new IllegalArgumentException("outcome lacks commandId, stream or decision");
        }
        return outcome;
    }

    private void record(List<Received> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try {
            durably.untilDone("a batch of " + outcomes.size() + " outcome(s)", () -> {
                submissions.decided(outcomes.stream().map(Received::outcome).toList());
                return null;
            });
            outcomes.forEach(r -> counted(r.outcome()));
        } catch (DurableProcessing.Unprocessable e) {
            LOG.warnf("a batch of %d outcome(s) failed (%s); recording them one by one", outcomes.size(), e.getMessage());
            outcomes.forEach(this::recordAlone);
        }
    }

    private void recordAlone(Received r) {
        try {
            durably.untilDone("outcome of " + r.outcome().commandId(), () -> {
                submissions.decided(List.of(r.outcome()));
                return null;
            });
            counted(r.outcome());
        } catch (DurableProcessing.Unprocessable refused) {
            deadLetter(r.meta(), refused);
        }
    }

    private void counted(CommandOutcome outcome) {
        registry.counter("ingest.outcomes", "decision", outcome.decision().name().toLowerCase(Locale.ROOT)).increment();
        LOG.debugf("submission %s on %s: %s", outcome.commandId(), outcome.stream(), outcome.decision());
    }

    private void deadLetter(IncomingKafkaRecordMetadata<?, ?> meta, RuntimeException why) {
        durably.untilDone("dead-lettering offset " + meta.getOffset(), () -> {
            deadLetters.send(CHANNEL, meta.getRecord(), why);
            return null;
        });
    }
}
