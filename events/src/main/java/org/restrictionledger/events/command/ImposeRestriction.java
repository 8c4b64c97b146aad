package org.restrictionledger.events.command;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report that a measure started. Becomes {@code restriction.imposed}. */
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
        Instant submittedAt) implements LedgerCommand {

    public static final String KIND = "restriction.impose";

    public ImposeRestriction {
        features = features == null ? List.of() : List.copyOf(features);
        sources = List.copyOf(sources);
    }
}
