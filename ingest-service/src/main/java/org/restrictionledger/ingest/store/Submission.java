package org.restrictionledger.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report ingest accepted, and the ledger's decision on it once known. Written only by {@link SubmissionStore}. */
@Entity
@Table(name = "submissions")
public class Submission {

    /**
     * PENDING: on the broker (or being published), the ledger has not decided yet; ACCEPTED / REJECTED: the ledger's
     * decision; EXPIRED: its command was never published (the broker refused it and the client did not retry) within
     * {@code ingest.submission.expire-after}: the ledger never saw it. A retry with the same Idempotency-Key revives it.
     */
    public enum Status {
        PENDING, ACCEPTED, REJECTED, EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "stream_id", nullable = false)
    public String streamId;

    @Column(name = "report_type", nullable = false)
    public String reportType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "stream_version")
    public Long streamVersion;

    /** The event ids, in the order the ledger recorded them (a PostgreSQL {@code uuid[]}); empty when rejected. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_ids")
    public List<UUID> eventIds;

    public String reason;

    /** The client's Idempotency-Key, when it sent one. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the report, to tell a retry from a different report under the same key. */
    @Column(name = "request_hash")
    public String requestHash;

    /** The command as published (kept with an Idempotency-Key, to publish it again on a retry). */
    public String command;

    /** The token subject that submitted it; null for submissions from before tokens. */
    public String submitter;

    /** When the broker took the command; null while it has not (an Idempotency-Key claim before its publish). */
    @Column(name = "published_at")
    public Instant publishedAt;
}
