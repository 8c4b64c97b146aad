package org.restrictionledger.cli.imports;

import java.util.UUID;

/**
 * What became of one row.
 *
 * @param stream       the stream ingest put it on (SUBMITTED and after)
 * @param submissionId ingest's submission (SUBMITTED and after)
 * @param replayed     ingest had this row's Idempotency-Key already: an earlier run submitted it
 * @param reason       REJECTED: the ledger's reason; INVALID: the field errors; UNAVAILABLE: what failed
 * @param version      ACCEPTED: the stream version that includes the row's event
 */
public record RowResult(int row, Outcome outcome, String stream, UUID submissionId, boolean replayed, String reason,
                        Long version) {

    public enum Outcome {
        /** Recorded by the ledger. */
        ACCEPTED,
        /** Refused by the ledger (against the stream's history), with its reason. */
        REJECTED,
        /** Refused by ingest (the row itself is wrong), with the field errors; never submitted. */
        INVALID,
        /** Submitted; no decision yet when rl stopped waiting. */
        PENDING,
        /** Not taken: ingest or the broker was unavailable. */
        UNAVAILABLE
    }

    static RowResult invalid(int row, String reason) {
        return new RowResult(row, Outcome.INVALID, null, null, false, reason, null);
    }

    static RowResult unavailable(int row, String reason) {
        return new RowResult(row, Outcome.UNAVAILABLE, null, null, false, reason, null);
    }

    static RowResult pending(int row, String stream, UUID submissionId, boolean replayed) {
        return new RowResult(row, Outcome.PENDING, stream, submissionId, replayed, null, null);
    }

    RowResult decided(Outcome decision, String why, Long streamVersion) {
        return new RowResult(row, decision, stream, submissionId, replayed, why, streamVersion);
    }
}
