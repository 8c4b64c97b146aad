package org.restrictionledger.ingest.domain;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.api.ReportRequest;
import org.restrictionledger.support.problem.FieldError;

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
    private static final List<ReportRequest.SourceRequest> SOURCE =
            List.of(new ReportRequest.SourceRequest("https://example.org/a", "Example", "2026-02-12"));

    @Test
    void aReportInPlainWordsBecomesANormalisedCommand() {
        ReportRequest report = new ReportRequest("restriction.imposed", "Russian Federation", "WhatsApp", "feature limit",
                List.of("Voice Calls"), null, "Roskomnadzor", "law_enforcement_cooperation", "no cooperation",
                TextNode.valueOf("2025-12"), SOURCE);
        ReportNormaliser.Result result = ReportNormaliser.normalise(report, ID, NOW);
        assertTrue(result.valid(), result.errors().toString());
        ImposeRestriction command = assertInstanceOf(ImposeRestriction.class, result.command());
        assertEquals(StreamId.parse("RU/whatsapp"), command.stream());
        assertEquals(Measure.FEATURE_LIMIT, command.measure());
        assertEquals(List.of("voice_calls"), command.features());
        assertEquals(new Effective(LocalDate.of(2025, 12, 1), Precision.MONTH), command.effective());
        assertEquals(ID, command.commandId());
        assertEquals(LocalDate.of(2026, 2, 12), command.sources().get(0).publishedOn());
    }

    @Test
    void aLiftTakesTheEffectiveDateAsAnObject() {
        ReportRequest report = new ReportRequest("restriction.lifted", "RU", "telegram", "OTHER", null, null, null, null,
                null, Json.tree("{\"date\":\"2026-03-02\",\"precision\":\"DAY\"}"), SOURCE);
        LiftRestriction command = assertInstanceOf(LiftRestriction.class, ReportNormaliser.normalise(report, ID, NOW).command());
        assertEquals(Effective.day(LocalDate.of(2026, 3, 2)), command.effective());
    }

    @Test
    void everyFieldErrorIsReportedAtOnce() {
        ReportRequest report = new ReportRequest("restriction.banned", "Narnia", "Not A Slug!", "BLOCK", null, "x",
                null, "because", null, TextNode.valueOf("last december"),
                List.of(new ReportRequest.SourceRequest("ftp://x", null, "yesterday")));
        ReportNormaliser.Result result = ReportNormaliser.normalise(report, ID, NOW);
        assertFalse(result.valid());
        List<String> fields = result.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("type", "country", "platform", "measure", "legalBasis", "effective", "sources[0].url",
                "sources[0].publishedOn", "restrictionId"), fields);
    }

    @Test
    void aMissingSourceAndAMissingMeasureAreNamed() {
        ReportRequest report = new ReportRequest("restriction.imposed", "RU", "whatsapp", null, null, null, null, null,
                null, TextNode.valueOf("2026"), List.of());
        List<String> fields = ReportNormaliser.normalise(report, ID, NOW).errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("measure", "sources"), fields);
    }

    @Test
    void aFeatureLimitNamesItsFeatures() {
        ReportRequest report = new ReportRequest("restriction.imposed", "RU", "whatsapp", "FEATURE_LIMIT", List.of(),
                null, null, null, null, TextNode.valueOf("2026"), SOURCE);
        assertEquals("features", ReportNormaliser.normalise(report, ID, NOW).errors().get(0).field());
    }
}
