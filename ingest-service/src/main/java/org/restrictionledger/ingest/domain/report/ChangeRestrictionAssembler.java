package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.Direction;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.command.ChangeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.ingest.domain.ReportRequest;

import java.util.List;
import java.util.UUID;

/**
 * {@code restriction.changed}: the restriction it changes (restrictionId, or else fromMeasure), direction, the new
 * measure and features, legal basis.
 */
final class ChangeRestrictionAssembler implements Assembler {

    @Override
    public LedgerCommand assemble(ReportRequest r, Common c, FieldReader read) {
        UUID restrictionId = read.uuid("restrictionId", r.restrictionId(), false);
        Measure from = read.enumValue("fromMeasure", r.fromMeasure(), Measure.class, restrictionId == null);
        Direction direction = read.enumValue("direction", r.direction(), Direction.class, true);
        Measure measure = read.enumValue("measure", r.measure(), Measure.class, true);
        List<String> features = ImposeRestrictionAssembler.features(r, measure, read);
        LegalBasis basis = read.enumValue("legalBasis", r.legalBasis(), LegalBasis.class, false);
        return c.stream() == null || !read.clean() ? null : new ChangeRestriction(c.id(), c.stream(), from,
                restrictionId, direction, measure, features, c.authority(), basis, c.reason(), c.effective(),
                c.sources(), c.receivedAt(), c.submitter());
    }
}
