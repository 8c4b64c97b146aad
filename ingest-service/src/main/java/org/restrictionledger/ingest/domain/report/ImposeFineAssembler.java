package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.ingest.domain.ReportRequest;

import java.math.BigDecimal;

/** {@code fine.imposed}: amount and currency (or neither, when the amount was not reported), legal basis. */
final class ImposeFineAssembler implements Assembler {

    @Override
    public LedgerCommand assemble(ReportRequest r, Common c, FieldReader read) {
        String currency = read.currency(r.currency(), r.amount());
        BigDecimal amount = read.amount(r.amount(), currency);
        LegalBasis basis = read.enumValue("legalBasis", r.legalBasis(), LegalBasis.class, false);
        return c.stream() == null || !read.clean() ? null : new ImposeFine(c.id(), c.stream(), amount, currency,
                c.authority(), basis, c.reason(), c.effective(), c.sources(), c.receivedAt(),
                Boolean.TRUE.equals(r.repeat()), c.submitter());
    }
}
