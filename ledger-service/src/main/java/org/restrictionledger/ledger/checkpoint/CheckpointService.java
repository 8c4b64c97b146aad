package org.restrictionledger.ledger.checkpoint;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.checkpoint.CheckpointVerifier;
import org.restrictionledger.events.checkpoint.Checkpoints;
import org.restrictionledger.ledger.store.EventStore;
import org.restrictionledger.ledger.store.Outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs checkpoints of every stream's head and publishes them on {@code restrictions.checkpoints.v1} through the
 * outbox, every {@code ledger.checkpoints.interval} and on demand; checks a kept checkpoint against the store.
 */
@ApplicationScoped
public class CheckpointService {

    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    private final EventStore store;
    private final Outbox outbox;
    private final CheckpointKey key;

    CheckpointService(EventStore store, Outbox outbox, CheckpointKey key) {
        this.store = store;
        this.outbox = outbox;
        this.key = key;
    }

    /** A new checkpoint of the store as committed now, written to the outbox in the same transaction. */
    @Transactional
    public Checkpoint publish() {
        Checkpoint checkpoint = Checkpoints.sign(store.heads(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                key.privateKey(), key.publicKey());
        outbox.checkpoint(checkpoint);
        LOG.infof("checkpoint %s: %d streams, root %s", checkpoint.checkpointId(), checkpoint.heads().size(),
                checkpoint.merkleRoot());
        return checkpoint;
    }

    @Scheduled(every = "${ledger.checkpoints.interval}", delayed = "${ledger.checkpoints.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        publish();
    }

    /** Whether the checkpoint is this ledger's, and every stream in it still passes through its head. */
    @Transactional
    public List<CheckpointVerifier.Finding> verify(Checkpoint checkpoint) {
        List<CheckpointVerifier.Finding> findings = new ArrayList<>(CheckpointVerifier.authentic(checkpoint,
                key.publicKey()));
        findings.addAll(CheckpointVerifier.stillExtends(checkpoint,
                stream -> store.storedDocuments(StreamId.parse(stream))));
        return findings;
    }
}
