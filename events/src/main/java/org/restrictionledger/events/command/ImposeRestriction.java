package org.restrictionledger.events.command;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report that a measure started. Becomes {@code restriction.imposed}. {@code repeat}: the reporter says the same
 * facts (measure, features, effective date, authority) really happened again; without it the ledger refuses a report
 * equal to one already recorded, so re-running an import changes nothing.
 */
public record ImposeRestriction(
        UUID commandId,
        StreamId stream,
        Measure measure,
        List<String> features,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective effective,
        List<Source> sources,
        Instant submittedAt,
        boolean repeat,
        Submitter submitter) implements LedgerCommand {

    public static final String KIND = "restriction.impose";

    public ImposeRestriction {
        features = features == null ? List.of() : List.copyOf(features);
        sources = List.copyOf(sources);
    }

    /** A first report of the fact: the ledger refuses it when the stream already records the same facts. */
    public ImposeRestriction(UUID commandId, StreamId stream, Measure measure, List<String> features, String authority,
                             LegalBasis legalBasis, String reason, Effective effective, List<Source> sources,
                             Instant submittedAt) {
        this(commandId, stream, measure, features, authority, legalBasis, reason, effective, sources, submittedAt, false);
    }

    /** The command without a submitter: one that did not come through an authenticated API (tests, old records). */
    public ImposeRestriction(UUID commandId, StreamId stream, Measure measure, List<String> features, String authority,
                             LegalBasis legalBasis, String reason, Effective effective, List<Source> sources,
                             Instant submittedAt, boolean repeat) {
        this(commandId, stream, measure, features, authority, legalBasis, reason, effective,
                sources, submittedAt, repeat, null);
    }

    /** The event this report proposes; the ledger records it unless the stream already does. */
    public RestrictionImposed proposedEvent() {
        return new RestrictionImposed(measure, features, authority, legalBasis, reason, effective, sources);
    }
}
