package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.ingest.domain.ReportRequest;

import java.util.List;

/** {@code restriction.imposed}: measure, features for a FEATURE_LIMIT, legal basis. */
final class ImposeRestrictionAssembler implements Assembler {

    @Override
    public LedgerCommand assemble(ReportRequest r, Common c, FieldReader read) {
        Measure measure = read.enumValue("measure", r.measure(), Measure.class, true);
        List<String> features = features(r, measure, read);
        LegalBasis basis = read.enumValue("legalBasis", r.legalBasis(), LegalBasis.class, false);
        return c.stream() == null || !read.clean() ? null : new ImposeRestriction(c.id(), c.stream(), measure,
                features, c.authority(), basis, c.reason(), c.effective(), c.sources(), c.receivedAt(),
                Boolean.TRUE.equals(r.repeat()), c.submitter());
    }

    /** A report's features: a FEATURE_LIMIT names at least one (the ledger also records old events without). */
    static List<String> features(ReportRequest r, Measure measure, FieldReader read) {
        List<String> features = read.words("features", r.features());
        if (features.isEmpty() && measure == Measure.FEATURE_LIMIT) {
            read.errors().add("features", "a FEATURE_LIMIT names at least one feature, e.g. voice_calls");
        }
        return features;
    }
}
