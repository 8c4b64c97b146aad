package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.SettleFine;
import org.restrictionledger.ingest.domain.ReportRequest;
import org.restrictionledger.support.problem.Excerpt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one report: its type, stream and the fields every type shares, then hands the rest to the type's
 * {@link Assembler}. Fields are read in the order a reader scans them, so errors come in that order.
 */
public final class Reports {

    public static final List<String> TYPES = List.of(RestrictionImposed.TYPE, RestrictionChanged.TYPE,
            RestrictionLifted.TYPE, FineImposed.TYPE, FinePaid.TYPE, FineAnnulled.TYPE, AlternativePromoted.TYPE,
            RecordCorrected.TYPE);
    /** The types whose reports can be amended by a correction: those that carry their own content. */
    public static final List<String> AMENDABLE = List.of(RestrictionImposed.TYPE, FineImposed.TYPE, AlternativePromoted.TYPE);

    private static final Map<String, Assembler> ASSEMBLERS = Map.of(
            RestrictionImposed.TYPE, new ImposeRestrictionAssembler(),
            RestrictionChanged.TYPE, new ChangeRestrictionAssembler(),
            RestrictionLifted.TYPE, new LiftRestrictionAssembler(),
            FineImposed.TYPE, new ImposeFineAssembler(),
            FinePaid.TYPE, new SettleFineAssembler(SettleFine.Settlement.PAID),
            FineAnnulled.TYPE, new SettleFineAssembler(SettleFine.Settlement.ANNULLED),
            AlternativePromoted.TYPE, new PromoteAlternativeAssembler(),
            RecordCorrected.TYPE, new CorrectRecordAssembler());

    private Reports() {
    }

    /** @return the command, or null with every error of the report in {@code errors} */
    public static LedgerCommand read(ReportRequest r, FieldErrors errors, UUID id, Instant receivedAt,
                                     Submitter submitter) {
        FieldReader read = new FieldReader(errors);
        String type = type(r, errors);
        String country = read.name("country", r.country(), true, Countries::resolve,
                "unknown country '%s': give an ISO 3166-1 alpha-2 code or an English country name");
        Platform platform = read.name("platform", r.platform(), true, Platforms::resolve,
                "unknown platform '%s': give a known name or alias, or a lower-case slug (letters, digits, dashes)");
        LedgerCommand command = type == null ? null
                : body(r, type, read, id, country, platform == null ? null : platform.slug(), receivedAt, submitter);
        return errors.isEmpty() ? command : null;
    }

    private static String type(ReportRequest r, FieldErrors errors) {
        if (FieldReader.blank(r.type())) {
            errors.add("type", "required: one of " + TYPES);
            return null;
        }
        if (!TYPES.contains(r.type())) {
            errors.add("type", "unknown report type '" + Excerpt.of(r.type()) + "': expected one of " + TYPES);
            return null;
        }
        return r.type();
    }

    private static LedgerCommand body(ReportRequest r, String type, FieldReader read, UUID id, String country,
                                      String platform, Instant receivedAt, Submitter submitter) {
        // A correction is usually reported the day it is made: its effective date defaults to the day received.
        Effective effective = RecordCorrected.TYPE.equals(type) && r.effective() == null
                ? Effective.day(LocalDate.ofInstant(receivedAt, ZoneOffset.UTC))
                : read.effective(r.effective());
        List<Source> sources = read.sources(r.sources());
        String authority = read.text("authority", r.authority(), FieldReader.MAX_NAME);
        String reason = read.text("reason", r.reason(), FieldReader.MAX_TEXT);
        StreamId stream = country == null || platform == null ? null : new StreamId(country, platform);
        read.forbidUnless("restrictionId", r.restrictionId(), type, List.of(RestrictionChanged.TYPE, RestrictionLifted.TYPE));
        read.forbidUnless("fineId", r.fineId(), type, List.of(FinePaid.TYPE, FineAnnulled.TYPE));
        read.forbidUnless("targetEventId", r.targetEventId(), type, List.of(RecordCorrected.TYPE));
        if (Boolean.TRUE.equals(r.repeat()) && !RestrictionImposed.TYPE.equals(type) && !FineImposed.TYPE.equals(type)) {
            read.errors().add("repeat", "only a " + RestrictionImposed.TYPE + " or " + FineImposed.TYPE + " report can be a repeat");
        }
        Common common = new Common(id, country, platform, stream, authority, reason, effective, sources, receivedAt,
                submitter);
        return ASSEMBLERS.get(type).assemble(r, common, read);
    }
}
