package org.restrictionledger.ingest.domain;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Direction;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ChangeRestriction;
import org.restrictionledger.events.command.CorrectRecord;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.events.command.SettleFine;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.support.problem.FieldError;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportNormaliserTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-02-13T08:00:00Z");
    private static final String SOURCE = "\"sources\": [{\"url\": \"https://example.org/a\", \"publisher\": \"Example\", \"publishedOn\": \"2026-02-12\"}]";

    private static ReportNormaliser.Result normalise(String json) {
        return ReportNormaliser.normalise(Json.read(json, ReportRequest.class), ID, NOW);
    }

    private static <T> T command(String json, Class<T> type) {
        ReportNormaliser.Result result = normalise(json);
        assertTrue(result.valid(), result.errors().toString());
        return assertInstanceOf(type, result.command());
    }

    private static List<String> errorFields(String json) {
        ReportNormaliser.Result result = normalise(json);
        assertFalse(result.valid());
        return result.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aReportInPlainWordsBecomesANormalisedCommand() {
        ImposeRestriction command = command("""
                {"type": "restriction.imposed", "country": "Russian Federation", "platform": "WhatsApp",
                 "measure": "feature limit", "features": ["Voice Calls"], "authority": "Roskomnadzor",
                 "legalBasis": "law_enforcement_cooperation", "reason": "no cooperation", "effective": "2025-12", %s}
                """.formatted(SOURCE), ImposeRestriction.class);
        assertEquals(StreamId.parse("RU/whatsapp"), command.stream());
        assertEquals(Measure.FEATURE_LIMIT, command.measure());
        assertEquals(List.of("voice_calls"), command.features());
        assertEquals(new Effective(LocalDate.of(2025, 12, 1), Precision.MONTH), command.effective());
        assertEquals(ID, command.commandId());
        assertEquals(LocalDate.of(2026, 2, 12), command.sources().get(0).publishedOn());
    }

    @Test
    void aLiftTakesTheEffectiveDateAsAnObject() {
        LiftRestriction command = command("""
                {"type": "restriction.lifted", "country": "RU", "platform": "telegram", "measure": "OTHER",
                 "effective": {"date": "2026-03-02", "precision": "DAY"}, %s}""".formatted(SOURCE), LiftRestriction.class);
        assertEquals(Effective.day(LocalDate.of(2026, 3, 2)), command.effective());
    }

    @Test
    void everyFieldErrorIsReportedAtOnce() {
        assertEquals(List.of("country", "platform", "effective", "sources[0].url", "sources[0].publishedOn",
                        "restrictionId", "measure", "legalBasis"),
                errorFields("""
                        {"type": "restriction.imposed", "country": "Narnia", "platform": "Not A Slug!",
                         "measure": "BLOCK", "restrictionId": "x", "legalBasis": "because", "effective": "last december",
                         "sources": [{"url": "ftp://x", "publishedOn": "yesterday"}]}"""));
        assertEquals(List.of("type"), errorFields("{\"type\": \"restriction.banned\", \"country\": \"RU\", \"platform\": \"x\"}"));
    }

    @Test
    void aMissingSourceAndAMissingMeasureAreNamed() {
        assertEquals(List.of("sources", "measure"), errorFields("""
                {"type": "restriction.imposed", "country": "RU", "platform": "whatsapp", "effective": "2026", "sources": []}"""));
        assertEquals(List.of("features"), errorFields("""
                {"type": "restriction.imposed", "country": "RU", "platform": "whatsapp", "measure": "FEATURE_LIMIT",
                 "effective": "2026", %s}""".formatted(SOURCE)));
    }

    @Test
    void aChangeNamesWhatChangesAndWhichWay() {
        ChangeRestriction change = command("""
                {"type": "restriction.changed", "country": "RU", "platform": "whatsapp", "fromMeasure": "FEATURE_LIMIT",
                 "direction": "escalated", "measure": "FULL_BLOCK", "effective": "2026-02-12", %s}""".formatted(SOURCE),
                ChangeRestriction.class);
        assertEquals(Direction.ESCALATED, change.direction());
        assertEquals(Measure.FEATURE_LIMIT, change.fromMeasure());
        assertEquals(List.of("fromMeasure", "direction"), errorFields("""
                {"type": "restriction.changed", "country": "RU", "platform": "whatsapp", "measure": "FULL_BLOCK",
                 "effective": "2026-02-12", %s}""".formatted(SOURCE)));
    }

    @Test
    void fineAmountsAreExactAndScaledToTheirCurrency() {
        ImposeFine fine = command("""
                {"type": "fine.imposed", "country": "RU", "platform": "whatsapp", "amount": "4000000", "currency": "rub",
                 "authority": "Tagansky District Court", "effective": "2025", %s}""".formatted(SOURCE), ImposeFine.class);
        assertEquals(new BigDecimal("4000000.00"), fine.amount());
        assertEquals("RUB", fine.currency());
        assertEquals(new BigDecimal("0.10"), command("""
                {"type": "fine.imposed", "country": "RU", "platform": "x", "amount": 0.1, "currency": "USD",
                 "effective": "2025", %s}""".formatted(SOURCE), ImposeFine.class).amount());
        assertEquals(List.of("currency", "amount"), errorFields("""
                {"type": "fine.imposed", "country": "RU", "platform": "x", "amount": "-5", "currency": "XYZ",
                 "effective": "2025", %s}""".formatted(SOURCE)));
        assertEquals(List.of("amount"), errorFields("""
                {"type": "fine.imposed", "country": "RU", "platform": "x", "amount": "1.005", "currency": "RUB",
                 "effective": "2025", %s}""".formatted(SOURCE)));
        assertEquals(List.of("amount"), errorFields("""
                {"type": "fine.imposed", "country": "RU", "platform": "x", "amount": "0", "currency": "RUB",
                 "effective": "2025", %s}""".formatted(SOURCE)));
        ImposeFine unknownAmount = command("""
                {"type": "fine.imposed", "country": "RU", "platform": "whatsapp", "effective": "2025", %s}"""
                .formatted(SOURCE), ImposeFine.class);
        assertEquals(null, unknownAmount.amount());
    }

    @Test
    void fineAmountsOfAnySizeAreKeptExactlyUpToTheServicesBound() {
        // 10^40 + 0.25: beyond a long (19 digits), a 128-bit integer (39 digits) and a double's exactness.
        String huge = "1" + "0".repeat(39) + "1.25";
        assertEquals(new BigDecimal(huge), command("""
                {"type": "fine.imposed", "country": "RU", "platform": "google", "amount": "%s", "currency": "RUB",
                 "effective": "2025", %s}""".formatted(huge, SOURCE), ImposeFine.class).amount());
        // As a JSON number (a whole one here: the HTTP reader keeps fractions exact too) and as an exponent.
        String whole = "1" + "0".repeat(45);
        assertEquals(new BigDecimal(whole + ".00"), command("""
                {"type": "fine.imposed", "country": "RU", "platform": "google", "amount": %s, "currency": "RUB",
                 "effective": "2025", %s}""".formatted(whole, SOURCE), ImposeFine.class).amount());
        assertEquals(0, new BigDecimal("1E+99").compareTo(command("""
                {"type": "fine.imposed", "country": "RU", "platform": "google", "amount": "1e99", "currency": "RUB",
                 "effective": "2025", %s}""".formatted(SOURCE), ImposeFine.class).amount()));
        String hundredDigits = "9".repeat(Money.MAX_INTEGER_DIGITS);
        assertEquals(new BigDecimal(hundredDigits + ".00"), command("""
                {"type": "fine.imposed", "country": "RU", "platform": "google", "amount": "%s", "currency": "RUB",
                 "effective": "2025", %s}""".formatted(hundredDigits, SOURCE), ImposeFine.class).amount());
        assertEquals(List.of("amount"), errorFields("""
                {"type": "fine.imposed", "country": "RU", "platform": "google", "amount": "%s", "currency": "RUB",
                 "effective": "2025", %s}""".formatted(hundredDigits + "9", SOURCE)));
        assertEquals(List.of("amount"), errorFields("""
                {"type": "fine.imposed", "country": "RU", "platform": "google", "amount": "1e100", "currency": "RUB",
                 "effective": "2025", %s}""".formatted(SOURCE)));
    }

    @Test
    void settlementsAndPromotionsNameWhatTheyConcern() {
        UUID fine = UUID.randomUUID();
        SettleFine paid = command("""
                {"type": "fine.paid", "country": "RU", "platform": "whatsapp", "fineId": "%s", "effective": "2025-06", %s}"""
                .formatted(fine, SOURCE), SettleFine.class);
        assertEquals(SettleFine.Settlement.PAID, paid.settlement());
        assertEquals(fine, paid.fineId());
        assertEquals(List.of("fineId"), errorFields("""
                {"type": "fine.annulled", "country": "RU", "platform": "whatsapp", "effective": "2025-06", %s}""".formatted(SOURCE)));

        PromoteAlternative promote = command("""
                {"type": "alternative.promoted", "country": "RU", "platform": "MAX", "replaces": ["WhatsApp", "Telegram"],
                 "services": ["government services", "payments"], "effective": "2026-02", %s}""".formatted(SOURCE),
                PromoteAlternative.class);
        assertEquals(List.of("whatsapp", "telegram"), promote.replaces());
        assertEquals(List.of("government_services", "payments"), promote.services());
    }

    @Test
    void aCorrectionRetractsOrAmendsWithAReason() {
        UUID target = UUID.randomUUID();
        CorrectRecord retract = command("""
                {"type": "record.corrected", "country": "RU", "platform": "whatsapp", "targetEventId": "%s",
                 "action": "RETRACT", "reason": "misreported", %s}""".formatted(target, SOURCE), CorrectRecord.class);
        assertEquals(RecordCorrected.Action.RETRACT, retract.action());
        assertEquals(Effective.day(LocalDate.of(2026, 2, 13)), retract.effective());

        CorrectRecord amend = command("""
                {"type": "record.corrected", "country": "RU", "platform": "whatsapp", "targetEventId": "%s",
                 "action": "AMEND", "reason": "the month was wrong",
                 "amendment": {"type": "restriction.imposed", "measure": "DOMAIN_DELISTING", "effective": "2025-11"},
                 %s}""".formatted(target, SOURCE), CorrectRecord.class);
        RestrictionImposed amended = assertInstanceOf(RestrictionImposed.class, amend.amended());
        assertEquals(LocalDate.of(2025, 11, 1), amended.effective().date());

        assertEquals(List.of("targetEventId", "action", "reason"), errorFields("""
                {"type": "record.corrected", "country": "RU", "platform": "whatsapp", %s}""".formatted(SOURCE)));
        assertEquals(List.of("amendment.currency", "amendment.amount"), errorFields("""
                {"type": "record.corrected", "country": "RU", "platform": "whatsapp", "targetEventId": "%s",
                 "action": "AMEND", "reason": "r",
                 "amendment": {"type": "fine.imposed", "amount": "-1", "effective": "2025"}, %s}""".formatted(target, SOURCE)));
        assertInstanceOf(FineImposed.class, command("""
                {"type": "record.corrected", "country": "RU", "platform": "whatsapp", "targetEventId": "%s",
                 "action": "AMEND", "reason": "r",
                 "amendment": {"type": "fine.imposed", "amount": "1", "currency": "RUB", "effective": "2025"}, %s}"""
                .formatted(target, SOURCE), CorrectRecord.class).amended());
    }

    @Test
    void overlongFieldsAreRefused() {
        String reason = "x".repeat(ReportNormaliser.MAX_TEXT + 1);
        assertEquals(List.of("reason"), errorFields("""
                {"type": "restriction.imposed", "country": "RU", "platform": "whatsapp", "measure": "OTHER",
                 "reason": "%s", "effective": "2026", %s}""".formatted(reason, SOURCE)));
    }
}
