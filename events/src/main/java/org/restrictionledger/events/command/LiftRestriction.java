package org.restrictionledger.events.command;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report that an active measure ended. Names the measure; when the stream has several active measures of that kind,
 * {@code restrictionId} (the event id of the imposition) says which. Becomes {@code restriction.lifted}.
 */
public record LiftRestriction(
        UUID commandId,
        StreamId stream,
        Measure measure,
        UUID restrictionId,
        String authority,
        String reason,
        Effective effective,
        List<Source> sources,
        Instant submittedAt,
        Submitter submitter) implements LedgerCommand {

    public static final String KIND = "restriction.lift";

    public LiftRestriction {
        sources = List.copyOf(sources);
    }

    /** The command without a submitter: one that did not come through an authenticated API (tests, old records). */
    public LiftRestriction(UUID commandId, StreamId stream, Measure measure, UUID restrictionId, String authority,
                           String reason, Effective effective, List<Source> sources, Instant submittedAt) {
        this(commandId, stream, measure, restrictionId, authority, reason, effective, sources, submittedAt, null);
    }

    /**
     * The event this report proposes, once the ledger has found the restriction it ends.
     *
     * @param liftedRestrictionId the active restriction's id
     * @param liftedMeasure       its measure as the stream records it
     */
    public RestrictionLifted proposedEvent(UUID liftedRestrictionId, Measure liftedMeasure) {
        return new RestrictionLifted(liftedRestrictionId, liftedMeasure, authority, reason, effective, sources);
    }
}
