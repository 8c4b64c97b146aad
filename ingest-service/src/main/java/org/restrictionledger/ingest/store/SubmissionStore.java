package org.restrictionledger.ingest.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.restrictionledger.events.CommandOutcome;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Submissions, written so that the order of two facts does not matter: the reporter's PENDING row and the ledger's
 * outcome may arrive either way round (the command is on Kafka before the row is written), and either may come twice.
 */
@ApplicationScoped
public class SubmissionStore {

    private final EntityManager em;

    SubmissionStore(EntityManager em) {
        this.em = em;
    }

    /** Records a submission as PENDING unless it is known already (then its state stands). */
    @Transactional
    public void pending(UUID id, String streamId, String reportType, Instant receivedAt) {
        em.createNativeQuery("""
                        INSERT INTO submissions (id, stream_id, report_type, status, received_at)
                        VALUES (?1, ?2, ?3, 'PENDING', ?4)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, id).setParameter(2, streamId).setParameter(3, reportType).setParameter(4, receivedAt)
                .executeUpdate();
    }

    /** Records the ledger's decision; a redelivered outcome writes the same values again. */
    @Transactional
    public void decided(CommandOutcome outcome) {
        em.createNativeQuery("""
                        INSERT INTO submissions (id, stream_id, report_type, status, received_at, decided_at,
                                                 stream_version, event_ids, reason)
                        VALUES (?1, ?2, 'unknown', ?3, ?4, ?4, ?5, ?6, ?7)
                        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, decided_at = EXCLUDED.decided_at,
                            stream_version = EXCLUDED.stream_version, event_ids = EXCLUDED.event_ids,
                            reason = EXCLUDED.reason""")
                .setParameter(1, outcome.commandId())
                .setParameter(2, outcome.stream().toString())
                .setParameter(3, outcome.decision().name())
                .setParameter(4, outcome.decidedAt())
                .setParameter(5, outcome.streamVersion())
                .setParameter(6, outcome.eventIds().stream().map(UUID::toString).collect(Collectors.joining(",")))
                .setParameter(7, outcome.reason())
                .executeUpdate();
    }

    public Optional<Submission> find(UUID id) {
        return Optional.ofNullable(em.find(Submission.class, id));
    }
}
