package org.restrictionledger.cli.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowReaderTest {

    @TempDir
    Path dir;

    @Test
    void csvRowsBecomeReportsAsIngestReadsThem() throws IOException {
        Path file = write("reports.csv", """
                Type,Country,Platform,Measure,Features,Effective,Source_URL,Source_Publisher,Amount,Currency
                restriction.imposed,Russia,WhatsApp,FEATURE_LIMIT,voice_calls; video_calls,2025-12,https://example.org/a,Example,,
                
                fine.imposed,RU,telegram,,,2026,https://example.org/b,,"4000000.00",RUB
                restriction.imposed,RU,only three
                """);
        List<Row> rows = read(file, ReportFormat.CSV);

        assertEquals(3, rows.size());
        Row first = rows.get(0);
        assertEquals(2, first.number());
        assertEquals("""
                {"type":"restriction.imposed","country":"Russia","platform":"WhatsApp","measure":"FEATURE_LIMIT",\
                "features":["voice_calls","video_calls"],"effective":"2025-12",\
                "sources":[{"url":"https://example.org/a","publisher":"Example"}]}""", first.report().toString());
        assertEquals(3, rows.get(1).number(), "blank lines are skipped: rows are numbered by record, as ingest numbers them");
        assertEquals("4000000.00", rows.get(1).report().get("amount").asText());
        assertEquals("RUB", rows.get(1).report().get("currency").asText());
        assertNull(rows.get(2).report());
        assertEquals("the row has 3 cells, the header 10", rows.get(2).unreadable());
        assertEquals(List.of("restriction.imposed", "RU", "only three"), rows.get(2).cells());
    }

    @Test
    void anUnknownCsvColumnIsAUsageErrorNamingIt() throws IOException {
        Path file = write("bad.csv", "type,country,colour\nrestriction.imposed,RU,red\n");
        CliException e = assertThrows(CliException.class, () -> read(file, ReportFormat.CSV));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("unknown columns [colour]"), e.getMessage());
    }

    @Test
    void theRejectsColumnIsIgnoredSoAFixedRejectsFileImportsAgain() throws IOException {
        Path file = write("x.rejected.csv", "rl_error,type,country\n\"row 2: unknown\",restriction.imposed,RU\n");
        Row row = read(file, ReportFormat.CSV).get(0);
        assertEquals("{\"type\":\"restriction.imposed\",\"country\":\"RU\"}", row.report().toString());
    }

    @Test
    void ndjsonRowsAreNumberedByLineAndABrokenLineIsThatRowsError() throws IOException {
        Path file = write("reports.ndjson", """
                {"type": "restriction.imposed", "country": "RU", "rl_error": "row 1: earlier"}

                {"type": oops}
                [1, 2]
                """);
        List<Row> rows = read(file, ReportFormat.NDJSON);
        assertEquals(3, rows.size());
        assertEquals(1, rows.get(0).number());
        assertEquals("{\"type\":\"restriction.imposed\",\"country\":\"RU\"}", rows.get(0).report().toString());
        assertEquals(3, rows.get(1).number());
        assertTrue(rows.get(1).unreadable().startsWith("not JSON"), rows.get(1).unreadable());
        assertEquals("a report is a JSON object, this row is array", rows.get(2).unreadable());
    }

    @Test
    void aJsonArrayAndTheSampleDataFormAreReadItemByItem() throws IOException {
        Path array = write("a.json", "[{\"type\": \"fine.imposed\"}, {\"type\": \"fine.paid\"}]");
        assertEquals(List.of("fine.imposed", "fine.paid"),
                read(array, ReportFormat.JSON).stream().map(r -> r.report().get("type").asText()).toList());

        Path sample = write("sample.json", """
                {"source": {"title": "t", "facts": ["skipped", {"nested": true}]},
                 "reports": [{"note": "a sentence", "report": {"type": "restriction.imposed", "country": "RU"}},
                             {"type": "fine.imposed"}]}
                """);
        List<Row> rows = read(sample, ReportFormat.JSON);
        assertEquals(2, rows.size());
        assertEquals("{\"type\":\"restriction.imposed\",\"country\":\"RU\"}", rows.get(0).report().toString());
        assertEquals(2, rows.get(1).number());
    }

    @Test
    void theFormatComesFromTheExtensionElseTheContent() throws IOException {
        assertEquals(ReportFormat.CSV, ReportFormat.detect(write("a.csv", "[not json]")));
        assertEquals(ReportFormat.NDJSON, ReportFormat.detect(write("a.jsonl", "x")));
        assertEquals(ReportFormat.JSON, ReportFormat.detect(write("a.txt", "\n  [ {} ]")));
        assertEquals(ReportFormat.NDJSON, ReportFormat.detect(write("b.json", "{\"type\": \"x\"}\n{\"type\": \"y\"}\n")));
        assertEquals(ReportFormat.JSON, ReportFormat.detect(write("c.json", "{\n  \"reports\": []\n}\n")));
        assertEquals(ReportFormat.CSV, ReportFormat.detect(write("d", "type,country\n")));
        assertEquals(ExitCode.USAGE, assertThrows(CliException.class, () -> ReportFormat.detect(write("e.json", "\n\n"))).exitCode());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    static List<Row> read(Path file, ReportFormat format) {
        List<Row> rows = new ArrayList<>();
        try (RowReader reader = RowReader.open(file, format)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }
}
