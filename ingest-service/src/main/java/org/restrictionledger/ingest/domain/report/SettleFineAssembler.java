package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.SettleFine;
import org.restrictionledger.ingest.domain.ReportRequest;

import java.util.UUID;

/** {@code fine.paid} and {@code fine.annulled}: the fine it settles. */
final class SettleFineAssembler implements Assembler {

    private final SettleFine.Settlement settlement;

    SettleFineAssembler(SettleFine.Settlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public LedgerCommand assemble(ReportRequest r, Common c, FieldReader read) {
        UUID fineId = read.uuid("fineId", r.fineId(), true);
        return c.stream() == null || !read.clean() ? null : new SettleFine(c.id(), c.stream(), settlement, fineId,
                c.authority(), c.reason(), c.effective(), c.sources(), c.receivedAt(), c.submitter());
    }
}
