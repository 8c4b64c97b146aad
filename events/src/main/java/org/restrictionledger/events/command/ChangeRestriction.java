package org.restrictionledger.events.command;

import org.restrictionledger.events.Direction;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report that an active measure escalated or eased into {@code measure} with {@code features}. Names the measure it
 * changes by {@code fromMeasure}, or by {@code restrictionId} where several are active. Becomes
 * {@code restriction.changed}.
 */
public record ChangeRestriction(
        UUID commandId,
        StreamId stream,
        Measure fromMeasure,
        UUID restrictionId,
        Direction direction,
        Measure measure,
        List<String> features,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective effective,
        List<Source> sources,
        Instant submittedAt,
        Submitter submitter) implements LedgerCommand {

    public static final String KIND = "restriction.change";

    public ChangeRestriction {
        features = features == null ? List.of() : List.copyOf(features);
        sources = List.copyOf(sources);
    }

    /** The command without a submitter: one that did not come through an authenticated API (tests, old records). */
    public ChangeRestriction(UUID commandId, StreamId stream, Measure fromMeasure, UUID restrictionId,
                             Direction direction, Measure measure, List<String> features, String authority,
                             LegalBasis legalBasis, String reason, Effective effective, List<Source> sources,
                             Instant submittedAt) {
        this(commandId, stream, fromMeasure, restrictionId, direction, measure, features, authority, legalBasis, reason,
                effective, sources, submittedAt, null);
    }

    /** The event this report proposes, once the ledger has found the restriction it changes. */
    public RestrictionChanged proposedEvent(UUID changedRestrictionId) {
        return new RestrictionChanged(changedRestrictionId, direction, measure, features, authority, legalBasis, reason,
                effective, sources);
    }
}
