package org.restrictionledger.ingest.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.restrictionledger.ingest.config.IngestConfig;
import org.restrictionledger.ingest.store.SubmissionStore;

import java.time.Duration;
import java.time.Instant;

/**
 * Ends submissions that can never be decided: claimed under an Idempotency-Key, their command was refused by the
 * broker (the client got a 503) and the client never retried, so the ledger never saw them. After
 * {@code ingest.submission.expire-after} (default 15 minutes: far past any publish timeout) they become EXPIRED with
 * a reason, instead of PENDING forever. A retry with the same key publishes the command and makes it PENDING again.
 * A submission whose command is on the broker never expires: it waits for the ledger, however long that takes.
 */
@ApplicationScoped
public class SubmissionExpiry {

    private static final Logger LOG = Logger.getLogger(SubmissionExpiry.class);

    private final SubmissionStore store;
    private final Duration expireAfter;

    SubmissionExpiry(SubmissionStore store,
                     IngestConfig config) {
        this.store = store;
        this.expireAfter = config.submission().expireAfter();
    }

    @Scheduled(every = "${ingest.submission.expire-check}", delayed = "10s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        int expired = store.expireUnpublished(Instant.now().minus(expireAfter), "expired: the broker did not take "
                + "the report within the publish timeout and it was not retried within " + expireAfter
                + "; the ledger never saw it. Submit it again (the same Idempotency-Key revives this submission)");
        if (expired > 0) {
            LOG.warnf("%d submission(s) expired unpublished", expired);
        }
    }
}
