package org.restrictionledger.ingest.domain;

import org.restrictionledger.events.Submitter;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.ingest.domain.report.FieldErrors;
import org.restrictionledger.ingest.domain.report.FieldReader;
import org.restrictionledger.ingest.domain.report.Reports;
import org.restrictionledger.support.problem.FieldError;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns a report into a command, or into the complete list of what is wrong with it. Pure: no I/O, no clock, so the
 * same report always gets the same answer. The ledger checks the command against its stream afterwards; here only
 * what can be known from the report itself is checked. The reading is in {@code domain.report}: generic field readers
 * ({@link FieldReader}) and one small assembler per report type.
 */
public final class ReportNormaliser {

    public static final int MAX_TEXT = FieldReader.MAX_TEXT;
    /** The longest amount as written (digits, sign, point, exponent). */
    public static final int MAX_AMOUNT_TEXT = FieldReader.MAX_AMOUNT_TEXT;

    private ReportNormaliser() {
    }

    /** Either a command or every field error; never both. */
    public record Result(LedgerCommand command, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result normalise(ReportRequest report, UUID submissionId, Instant receivedAt) {
        return normalise(report, submissionId, receivedAt, null);
    }

    /** @param submitter who submits it (the token's subject), carried by the command onto its events; may be null */
    public static Result normalise(ReportRequest report, UUID submissionId, Instant receivedAt, Submitter submitter) {
        FieldErrors errors = new FieldErrors();
        if (report == null) {
            errors.add("body", "a report object is required");
            return new Result(null, errors.list());
        }
        LedgerCommand command = Reports.read(report, errors, submissionId, receivedAt, submitter);
        return errors.isEmpty() ? new Result(command, List.of()) : new Result(null, errors.list());
    }
}
