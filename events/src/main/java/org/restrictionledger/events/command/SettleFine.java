package org.restrictionledger.events.command;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report that a fine was paid or annulled. Names the fine by {@code fineId} (the event id of its
 * {@code fine.imposed}). Becomes {@code fine.paid} or {@code fine.annulled}.
 */
public record SettleFine(
        UUID commandId,
        StreamId stream,
        Settlement settlement,
        UUID fineId,
        String authority,
        String reason,
        Effective effective,
        List<Source> sources,
        Instant submittedAt,
        Submitter submitter) implements LedgerCommand {

    public static final String KIND = "fine.settle";

    public enum Settlement {
        PAID, ANNULLED
    }

    public SettleFine {
        sources = List.copyOf(sources);
    }

    /** The command without a submitter: one that did not come through an authenticated API (tests, old records). */
    public SettleFine(UUID commandId, StreamId stream, Settlement settlement, UUID fineId, String authority,
                      String reason, Effective effective, List<Source> sources, Instant submittedAt) {
        this(commandId, stream, settlement, fineId, authority, reason, effective, sources, submittedAt, null);
    }

    /** The event this report proposes: {@code fine.paid} or {@code fine.annulled}. */
    public LedgerEvent proposedEvent() {
        return settlement == Settlement.PAID
                ? new FinePaid(fineId, authority, reason, effective, sources)
                : new FineAnnulled(fineId, authority, reason, effective, sources);
    }
}
