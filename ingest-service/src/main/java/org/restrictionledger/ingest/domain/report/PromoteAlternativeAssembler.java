package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.ingest.domain.ReportRequest;

import java.util.List;

/** {@code alternative.promoted}: the platforms it replaces, the services it offers besides. */
final class PromoteAlternativeAssembler implements Assembler {

    @Override
    public LedgerCommand assemble(ReportRequest r, Common c, FieldReader read) {
        List<String> replaces = read.platforms("replaces", r.replaces());
        List<String> services = read.words("services", r.services());
        return c.stream() == null || !read.clean() ? null : new PromoteAlternative(c.id(), c.stream(), replaces,
                services, c.authority(), c.reason(), c.effective(), c.sources(), c.receivedAt(), c.submitter());
    }
}
