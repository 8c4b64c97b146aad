package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.Measure;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.ingest.domain.ReportRequest;

import java.util.UUID;

/** {@code restriction.lifted}: the measure, and restrictionId when several of it are active. */
final class LiftRestrictionAssembler implements Assembler {

    @Override
    public LedgerCommand assemble(ReportRequest r, Common c, FieldReader read) {
        UUID restrictionId = read.uuid("restrictionId", r.restrictionId(), false);
        Measure measure = read.enumValue("measure", r.measure(), Measure.class, true);
        return c.stream() == null || !read.clean() ? null : new LiftRestriction(c.id(), c.stream(), measure,
                restrictionId, c.authority(), c.reason(), c.effective(), c.sources(), c.receivedAt(), c.submitter());
    }
}
