package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.ingest.domain.ReportRequest;

/**
 * Reads the fields one report type has beyond the common ones and builds its command. Reads every field even after
 * an error, so that a body's errors come all at once; builds the command only when nothing was wrong.
 */
interface Assembler {

    /** @return the command, or null when the reader noted an error */
    LedgerCommand assemble(ReportRequest report, Common common, FieldReader read);
}
