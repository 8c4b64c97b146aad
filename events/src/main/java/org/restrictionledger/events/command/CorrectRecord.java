package org.restrictionledger.events.command;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report that an earlier event of the stream was wrong. Becomes {@code record.corrected}. */
public record CorrectRecord(
        UUID commandId,
        StreamId stream,
        UUID targetEventId,
        RecordCorrected.Action action,
        LedgerEvent amended,
        String reason,
        Effective effective,
        List<Source> sources,
        Instant submittedAt,
        Submitter submitter) implements LedgerCommand {

    public static final String KIND = "record.correct";

    public CorrectRecord {
        sources = List.copyOf(sources);
    }

    /** The command without a submitter: one that did not come through an authenticated API (tests, old records). */
    public CorrectRecord(UUID commandId, StreamId stream, UUID targetEventId, RecordCorrected.Action action,
                         LedgerEvent amended, String reason, Effective effective, List<Source> sources,
                         Instant submittedAt) {
        this(commandId, stream, targetEventId, action, amended, reason, effective, sources, submittedAt, null);
    }

    /** The event this report proposes: a RETRACT carries no amendment, whatever the command held. */
    public RecordCorrected proposedEvent() {
        return new RecordCorrected(targetEventId, action, action == RecordCorrected.Action.AMEND ? amended : null,
                reason, effective, sources);
    }
}
