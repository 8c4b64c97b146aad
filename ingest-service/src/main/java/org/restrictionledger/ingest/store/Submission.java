package org.restrictionledger.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A report ingest accepted, and the ledger's decision on it once known. Written only by {@link SubmissionStore}. */
@Entity
@Table(name = "submissions")
public class Submission {

    public enum Status {
        PENDING, ACCEPTED, REJECTED
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

    /** Comma-separated event ids, in the order the ledger recorded them. */
    @Column(name = "event_ids")
    public String eventIds;

    public String reason;

    /** The client's Idempotency-Key, when it sent one. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the report, to tell a retry from a different report under the same key. */
    @Column(name = "request_hash")
    public String requestHash;

    /** The command as published (kept with an Idempotency-Key, to publish it again on a retry). */
    public String command;
}
