package org.restrictionledger.ingest.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.restrictionledger.events.CommandOutcome;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** A submission to record as PENDING; {@code submitter} is the token subject that sent it (null before tokens). */
    public record Pending(UUID id, String streamId, String reportType, Instant receivedAt, String submitter) {
    }

    /**
     * Records submissions as PENDING unless they are known already (then their state stands); one JDBC batch. The
     * command is published before this row is written, so the ledger's outcome may have come first and recorded the
     * submission from the outcome alone: then the decision stands and what only the edge knows (who submitted it,
     * the report type, when it was received) is filled in, so the submitter can read its own submission.
     */
    @Transactional
    public void pending(List<Pending> submissions) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO submissions (id, stream_id, report_type, status, received_at, published_at, submitter)
                    VALUES (?, ?, ?, 'PENDING', ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET submitter = EXCLUDED.submitter, report_type = EXCLUDED.report_type,
                        received_at = EXCLUDED.received_at, published_at = EXCLUDED.published_at
                    WHERE submissions.submitter IS NULL AND submissions.report_type = 'unknown'""")) {
                // In id order, as decided() writes: two batches that touch the same rows lock them in one order, so
                // a report's PENDING row and its outcome, written at once, never deadlock.
                for (Pending p : submissions.stream().sorted(Comparator.comparing(Pending::id)).toList()) {
                    insert.setObject(1, p.id());
                    insert.setString(2, p.streamId());
                    insert.setString(3, p.reportType());
                    insert.setTimestamp(4, Timestamp.from(p.receivedAt()));
                    insert.setTimestamp(5, Timestamp.from(p.receivedAt()));
                    insert.setString(6, p.submitter());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Claims an Idempotency-Key for a new submission, with the command to publish. Returns false when the key was
     * claimed before (then {@link #byKey} has the submission it belongs to).
     */
    @Transactional
    public boolean claim(String key, String requestHash, Pending submission, String command) {
        return em.createNativeQuery("""
                        INSERT INTO submissions (id, stream_id, report_type, status, received_at, idempotency_key,
                                                 request_hash, command, submitter)
                        VALUES (?1, ?2, ?3, 'PENDING', ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter(1, submission.id()).setParameter(2, submission.streamId())
                .setParameter(3, submission.reportType()).setParameter(4, submission.receivedAt())
                .setParameter(5, key).setParameter(6, requestHash).setParameter(7, command)
                .setParameter(8, submission.submitter())
                .executeUpdate() == 1;
    }

    /** The claimed submission's command is on the broker: it is PENDING again if it had expired meanwhile. */
    @Transactional
    public void published(UUID id) {
        em.createNativeQuery("""
                        UPDATE submissions SET published_at = COALESCE(published_at, now()),
                            status = CASE WHEN status = 'EXPIRED' THEN 'PENDING' ELSE status END,
                            decided_at = CASE WHEN status = 'EXPIRED' THEN NULL ELSE decided_at END,
                            reason = CASE WHEN status = 'EXPIRED' THEN NULL ELSE reason END
                        WHERE id = ?1""")
                .setParameter(1, id).executeUpdate();
    }

    /**
     * Ends submissions whose command was never published and that were received before {@code cutoff}.
     *
     * @return how many expired
     */
    @Transactional
    public int expireUnpublished(Instant cutoff, String reason) {
        return em.createNativeQuery("""
                        UPDATE submissions SET status = 'EXPIRED', decided_at = now(), reason = ?2
                        WHERE status = 'PENDING' AND published_at IS NULL AND received_at < ?1""")
                .setParameter(1, cutoff).setParameter(2, reason).executeUpdate();
    }

    public Optional<Submission> byKey(String key) {
        return em.createQuery("FROM Submission WHERE idempotencyKey = ?1", Submission.class)
                .setParameter(1, key).getResultStream().findFirst();
    }

    /**
     * Records the ledger's decisions in one JDBC batch; a redelivered outcome writes the same values again. An outcome
     * may come before its PENDING row (the command is published before the row is written): it is recorded from the
     * outcome alone, and {@link #pending} fills in the rest.
     */
    @Transactional
    public void decided(List<CommandOutcome> outcomes) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO submissions (id, stream_id, report_type, status, received_at, decided_at,
                                             stream_version, event_ids, reason)
                    VALUES (?, ?, 'unknown', ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, decided_at = EXCLUDED.decided_at,
                        stream_version = EXCLUDED.stream_version, event_ids = EXCLUDED.event_ids,
                        reason = EXCLUDED.reason""")) {
                for (CommandOutcome outcome : outcomes.stream().sorted(Comparator.comparing(CommandOutcome::commandId)).toList()) {
                    Timestamp decidedAt = Timestamp.from(outcome.decidedAt());
                    upsert.setObject(1, outcome.commandId());
                    upsert.setString(2, outcome.stream().toString());
                    upsert.setString(3, outcome.decision().name());
                    upsert.setTimestamp(4, decidedAt);
                    upsert.setTimestamp(5, decidedAt);
                    upsert.setLong(6, outcome.streamVersion());
                    upsert.setArray(7, connection.createArrayOf("uuid", outcome.eventIds().toArray()));
                    upsert.setString(8, outcome.reason());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    public Optional<Submission> find(UUID id) {
        return Optional.ofNullable(em.find(Submission.class, id));
    }
}
