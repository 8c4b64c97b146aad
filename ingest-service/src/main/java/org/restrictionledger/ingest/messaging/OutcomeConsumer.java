package org.restrictionledger.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.store.SubmissionStore;
import org.restrictionledger.support.messaging.DurableProcessing;

import java.util.concurrent.CompletionStage;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads the ledger's decisions from {@code restrictions.outcomes.v1} into the submissions table. A record that is not
 * an outcome goes to {@code restrictions.outcomes.v1.ingest-service.dlq} and consumption goes on.
 */
@ApplicationScoped
public class OutcomeConsumer {

    /** Incoming channel from {@code restrictions.outcomes.v1}, group {@code ingest-service}. */
    public static final String CHANNEL = "outcomes";

    private static final Logger LOG = Logger.getLogger(OutcomeConsumer.class);

    private final SubmissionStore submissions;
    private final MeterRegistry registry;
    private final DurableProcessing durably;

    OutcomeConsumer(SubmissionStore submissions, MeterRegistry registry, DurableProcessing durably) {
        this.submissions = submissions;
        this.registry = registry;
        this.durably = durably;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return durably.settle(message, () -> record(message.getPayload()));
    }

    /** An outcome that cannot be read, or (deterministically) stored, goes to the dead-letter topic. */
    private void record(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("empty record: not an outcome");
        }
        CommandOutcome outcome = Json.read(payload, CommandOutcome.class);
        if (outcome.commandId() == null || outcome.stream() == null || outcome.decision() == null) {
            throw new IllegalArgumentException("outcome lacks commandId, stream or decision");
        }
        durably.untilDone("outcome of " + outcome.commandId(), () -> {
            submissions.decided(outcome);
            return outcome;
        });
        registry.counter("ingest.outcomes", "decision", outcome.decision().name().toLowerCase(java.util.Locale.ROOT)).increment();
        LOG.debugf("submission %s on %s: %s", outcome.commandId(), outcome.stream(), outcome.decision());
    }
}
