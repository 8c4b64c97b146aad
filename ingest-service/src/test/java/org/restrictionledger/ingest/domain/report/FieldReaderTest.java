package org.restrictionledger.ingest.domain.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.domain.ReportRequest;
import org.restrictionledger.support.problem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each generic reader alone: what it answers, and the one error it notes under the field's name. */
class FieldReaderTest {

    private final FieldErrors errors = new FieldErrors();
    private final FieldReader read = new FieldReader(errors);

    private List<String> fields() {
        return errors.list().stream().map(FieldError::field).toList();
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    @Test
    void enumsAreReadInAnyCaseWithHyphensOrSpacesAndAMissingRequiredOneIsNamed() {
        assertEquals(Measure.FULL_BLOCK, read.enumValue("measure", "full-block", Measure.class, true));
        assertEquals(Measure.APP_STORE_REMOVAL, read.enumValue("measure", " App Store Removal ", Measure.class, true));
        assertNull(read.enumValue("legalBasis", null, Measure.class, false));
        assertTrue(read.clean());
        assertNull(read.enumValue("measure", "banned", Measure.class, true));
        assertNull(read.enumValue("direction", " ", Measure.class, true));
        assertEquals(List.of("measure", "direction"), fields());
        assertEquals("'banned': expected one of FULL_BLOCK, FEATURE_LIMIT, THROTTLING, DOMAIN_DELISTING, "
                + "APP_STORE_REMOVAL, OTHER", errors.list().get(0).reason());
    }

    @Test
    void idsAreCanonicalUuidsAndCodesCarryNoInvisibleCharacters() {
        UUID id = UUID.randomUUID();
        assertEquals(id, read.uuid("fineId", id.toString(), true));
        assertNull(read.uuid("fineId", "not-a-uuid", true));
        assertNull(read.uuid("restrictionId", id + "\u200B", false));
        assertEquals(List.of("fineId", "restrictionId"), fields());
    }

    @Test
    void namesAreResolvedOrRefusedWithWhatWasWritten() {
        assertEquals("x", read.name("country", " RU ", true, v -> v.equals("RU") ? java.util.Optional.of("x")
                : java.util.Optional.empty(), "unknown '%s'"));
        assertNull(read.name("country", "Atlantis", true, v -> java.util.Optional.empty(), "unknown '%s'"));
        assertNull(read.name("country", null, true, v -> java.util.Optional.empty(), "unknown '%s'"));
        assertNull(read.name("country", "y".repeat(FieldReader.MAX_NAME + 1), true, java.util.Optional::of, "%s"));
        assertEquals(List.of("country", "country", "country"), fields());
        assertEquals("unknown 'Atlantis'", errors.list().get(0).reason());
        assertEquals("required", errors.list().get(1).reason());
    }

    @Test
    void freeTextIsStrippedBoundedAndFreeOfControlCharacters() {
        assertEquals("a reason", read.text("reason", "  a reason\n", 100));
        assertNull(read.text("reason", "   ", 100));
        assertNull(read.text("reason", "x".repeat(101), 100));
        assertNull(read.text("authority", "bell\u0007", 100));
        assertEquals(List.of("reason", "authority"), fields());
    }

    @Test
    void wordsAreLowerCaseSortedAndDistinctAndEachBadOneIsNamedByItsIndex() {
        assertEquals(List.of("video_calls", "voice_calls"), read.words("features", List.of("Voice Calls", "video_calls", "voice_calls")));
        assertEquals(List.of(), read.words("features", null));
        assertTrue(read.clean());
        List<String> bad = new ArrayList<>(List.of("ok", "not ok!"));
        bad.add(null);
        assertEquals(List.of("ok"), read.words("services", bad));
        assertEquals(List.of(), read.words("features", Collections.nCopies(FieldReader.MAX_LIST + 1, "calls")));
        assertEquals(List.of("services[1]", "services[2]", "features"), fields());
    }

    @Test
    void platformsBecomeTheirSlugsInTheOrderWrittenAndAreRequired() {
        assertEquals(List.of("whatsapp", "telegram"), read.platforms("replaces", List.of("WhatsApp", "telegram", "whatsapp")));
        assertEquals(List.of(), read.platforms("replaces", List.of()));
        assertEquals(List.of("replaces"), fields());
    }

    @Test
    void moneyIsExactScaledToItsCurrencyAndHeldToTheContractsRules() {
        assertEquals("RUB", read.currency(" rub ", text("1")));
        assertEquals(new BigDecimal("4000000.00"), read.amount(text("4_000_000"), "RUB"));
        assertEquals(new BigDecimal("5"), read.amount(JsonNodeFactory.instance.numberNode(new BigDecimal("5.000")), "JPY"));
        assertEquals(new BigDecimal("1.25"), read.amount(text("1.25"), null));
        assertTrue(read.clean());
        assertNull(read.currency("XYZ", text("1")));
        assertNull(read.currency(null, text("1")));
        assertNull(read.amount(text("-5"), "RUB"));
        assertNull(read.amount(text("1.005"), "RUB"));
        assertNull(read.amount(text("1e100"), "RUB"));
        assertNull(read.amount(text("-1e999999999"), "RUB"));
        assertNull(read.amount(text("four"), "RUB"));
        assertNull(read.amount(JsonNodeFactory.instance.booleanNode(true), "RUB"));
        assertNull(read.amount(null, "RUB"));
        assertEquals(List.of("currency", "currency", "amount", "amount", "amount", "amount", "amount", "amount", "amount"),
                fields());
        assertEquals("a fine's amount must be greater than zero, was -5", errors.list().get(2).reason());
        assertEquals("a fine's amount must be greater than zero, was -1E+999999999", errors.list().get(5).reason());
    }

    @Test
    void effectiveIsADayAMonthAYearOrAnObjectWithItsPrecision() {
        assertEquals(new Effective(LocalDate.of(2025, 12, 1), Precision.MONTH), read.effective(text("2025-12")));
        assertEquals(new Effective(LocalDate.of(2025, 1, 1), Precision.YEAR), read.effective(text("2025")));
        assertEquals(Effective.day(LocalDate.of(2026, 2, 12)), read.effective(text("2026-02-12")));
        assertEquals(new Effective(LocalDate.of(2025, 12, 1), Precision.MONTH),
                read.effective(Json.read("{\"date\": \"2025-12-17\", \"precision\": \"month\"}", JsonNode.class)));
        assertTrue(read.clean());
        assertNull(read.effective(null));
        assertNull(read.effective(text("Dec 2025")));
        assertNull(read.effective(Json.read("{\"date\": \"2025-13-01\", \"precision\": \"WEEK\"}", JsonNode.class)));
        assertNull(read.effective(JsonNodeFactory.instance.numberNode(2025)));
        assertEquals(List.of("effective", "effective", "effective.precision", "effective.date", "effective"), fields());
    }

    @Test
    void sourcesNeedAUrlOrAPublisherAndTheirDatesAndUrlsAreChecked() {
        List<Source> sources = read.sources(List.of(new ReportRequest.SourceRequest(" https://example.org/a ", "Example",
                "2026-02-12"), new ReportRequest.SourceRequest(null, "Gazette", null)));
        assertEquals(List.of(new Source("https://example.org/a", "Example", LocalDate.of(2026, 2, 12)),
                new Source(null, "Gazette", null)), sources);
        assertTrue(read.clean());
        read.sources(List.of(new ReportRequest.SourceRequest("ftp://example.org", null, "12.02.2026"),
                new ReportRequest.SourceRequest(" ", null, null)));
        read.sources(null);
        assertEquals(List.of("sources[0].url", "sources[0].publishedOn", "sources[1]", "sources"), fields());
    }

    @Test
    void aFieldThatTheReportsTypeDoesNotHaveIsRefused() {
        read.forbidUnless("fineId", null, "restriction.imposed", List.of("fine.paid"));
        read.forbidUnless("fineId", "x", "fine.paid", List.of("fine.paid"));
        assertTrue(read.clean());
        read.forbidUnless("fineId", "x", "restriction.imposed", List.of("fine.paid"));
        assertEquals(List.of("fineId"), fields());
    }

    @Test
    void aNestedReportsErrorsCarryItsPrefix() {
        FieldErrors nested = new FieldErrors("amendment.");
        new FieldReader(nested).enumValue("measure", null, Measure.class, true);
        errors.addAll(nested);
        assertEquals(List.of("amendment.measure"), fields());
    }
}
