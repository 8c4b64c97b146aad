package org.restrictionledger.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.restrictionledger.ingest.store.Submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a reporter sees of a submission: PENDING until the ledger decides, then ACCEPTED with the event ids and the
 * stream version that includes them, or REJECTED with the ledger's reason. {@code submitter}: the token subject that
 * submitted it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(
        UUID submissionId,
        String stream,
        String type,
        Submission.Status status,
        Instant receivedAt,
        Instant decidedAt,
        Long streamVersion,
        List<UUID> eventIds,
        String reason,
        String submitter,
        String self) {

    public static SubmissionView of(Submission s) {
        List<UUID> events = s.eventIds == null || s.eventIds.isEmpty() ? null : List.copyOf(s.eventIds);
        return new SubmissionView(s.id, s.streamId, "unknown".equals(s.reportType) ? null : s.reportType, s.status,
                s.receivedAt, s.decidedAt, s.streamVersion, events, s.reason, s.submitter, SubmissionResource.path(s.id));
    }
}
