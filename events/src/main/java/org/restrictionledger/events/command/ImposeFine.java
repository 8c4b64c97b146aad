package org.restrictionledger.events.command;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report that a court or regulator fined the platform. Becomes {@code fine.imposed}. */
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
        Instant submittedAt) implements LedgerCommand {

    public static final String KIND = "fine.impose";

    public ImposeFine {
        sources = List.copyOf(sources);
    }
}
