package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.CorrectRecord;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.ingest.domain.ReportRequest;

import java.util.UUID;

/**
 * {@code record.corrected}: the event it corrects, RETRACT or AMEND, why (required), and for an AMEND the report as it
 * should have been, read like any report and made the event its command proposes.
 */
final class CorrectRecordAssembler implements Assembler {

    @Override
    public LedgerCommand assemble(ReportRequest r, Common c, FieldReader read) {
        UUID target = read.uuid("targetEventId", r.targetEventId(), true);
        RecordCorrected.Action action = read.enumValue("action", r.action(), RecordCorrected.Action.class, true);
        if (c.reason() == null) {
            read.errors().add("reason", "required: say why the record was wrong");
        }
        LedgerEvent amended = amendment(r, action, c, read.errors());
        return c.stream() == null || !read.clean() ? null : new CorrectRecord(c.id(), c.stream(), target, action,
                amended, c.reason(), c.effective(), c.sources(), c.receivedAt(), c.submitter());
    }

    /** The nested report of an AMEND, inheriting country, platform and sources, as the event it proposes. */
    private static LedgerEvent amendment(ReportRequest r, RecordCorrected.Action action, Common c, FieldErrors errors) {
        ReportRequest a = r.amendment();
        if (action != RecordCorrected.Action.AMEND) {
            if (a != null) {
                errors.add("amendment", "only an AMEND carries an amendment");
            }
            return null;
        }
        if (a == null) {
            errors.add("amendment", "required for AMEND: the report as it should have been");
            return null;
        }
        if (a.type() != null && !Reports.AMENDABLE.contains(a.type())) {
            errors.add("amendment.type", "only " + Reports.AMENDABLE + " can be amended; retract other events and "
                    + "report them again");
            return null;
        }
        ReportRequest inherited = new ReportRequest(a.type(), a.country() == null ? c.country() : a.country(),
                a.platform() == null ? c.platform() : a.platform(), a.measure(), a.features(), a.fromMeasure(),
                a.direction(), a.restrictionId(), a.amount(), a.currency(), a.fineId(), a.replaces(), a.services(),
                a.targetEventId(), a.action(), a.amendment(), a.authority(), a.legalBasis(), a.reason(), a.effective(),
                a.sources() == null ? r.sources() : a.sources());
        FieldErrors nested = new FieldErrors("amendment.");
        LedgerCommand command = Reports.read(inherited, nested, c.id(), c.receivedAt(), c.submitter());
        errors.addAll(nested);
        if (command instanceof ImposeRestriction amend) {
            if (c.country() != null && c.platform() != null
                    && !amend.stream().equals(new StreamId(c.country(), c.platform()))) {
                errors.add("amendment.platform", "an amendment stays on the stream of the event it corrects");
            }
            return amend.proposedEvent();
        } else if (command instanceof ImposeFine amend) {
            return amend.proposedEvent();
        } else if (command instanceof PromoteAlternative amend) {
            return amend.proposedEvent();
        }
        return null;
    }
}
