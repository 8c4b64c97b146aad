package org.restrictionledger.events.command;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report that a court or regulator fined the platform. Becomes {@code fine.imposed}. {@code repeat}: a second,
 * identical fine (amount, currency, effective date, authority) was really imposed; without it the ledger refuses a
 * fine equal to one already recorded, so re-running an import does not double it.
 */
public record ImposeFine(
        UUID commandId,
        StreamId stream,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective effective,
        List<Source> sources,
        Instant submittedAt,
        boolean repeat,
        Submitter submitter) implements LedgerCommand {

    public static final String KIND = "fine.impose";

    public ImposeFine {
        sources = List.copyOf(sources);
    }

    /** A first report of the fact: the ledger refuses it when the stream already records the same facts. */
    public ImposeFine(UUID commandId, StreamId stream, BigDecimal amount, String currency, String authority,
                      LegalBasis legalBasis, String reason, Effective effective, List<Source> sources,
                      Instant submittedAt) {
        this(commandId, stream, amount, currency, authority, legalBasis, reason, effective, sources, submittedAt, false);
    }

    /** The command without a submitter: one that did not come through an authenticated API (tests, old records). */
    public ImposeFine(UUID commandId, StreamId stream, BigDecimal amount, String currency, String authority,
                      LegalBasis legalBasis, String reason, Effective effective, List<Source> sources,
                      Instant submittedAt, boolean repeat) {
        this(commandId, stream, amount, currency, authority, legalBasis, reason, effective,
                sources, submittedAt, repeat, null);
    }

    /**
     * The event this report proposes.
     *
     * @throws org.restrictionledger.events.ContractViolation when amount or currency break the contract's rules
     */
    public FineImposed proposedEvent() {
        return new FineImposed(amount, currency, authority, legalBasis, reason, effective, sources);
    }
}
