package org.restrictionledger.cli.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.imports.RowResult.Outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    @TempDir
    Path dir;

    private static RowResult decided(int row, Outcome outcome, String reason) {
        return RowResult.pending(row, "KG/whatsapp", UUID.randomUUID(), false).decided(outcome, reason, null);
    }

    @Test
    void countsRejectionsGroupedByReasonAndInvalidRowsWithTheirErrors() {
        String notActive = "cannot lift: there is no THROTTLING restriction active on KG/whatsapp";
        Summary summary = new Summary(Path.of("reports.csv"), ReportFormat.CSV, List.of(
                decided(2, Outcome.ACCEPTED, null),
                decided(3, Outcome.REJECTED, notActive),
                decided(4, Outcome.REJECTED, "duplicate"),
                decided(5, Outcome.REJECTED, notActive),
                decided(6, Outcome.REJECTED, notActive),
                RowResult.invalid(8, "country: unknown country 'Atlantis'")), Path.of("reports.rejected.csv"));

        assertEquals("""
                Imported reports.csv (CSV, 6 rows)
                  accepted     1
                  rejected     4
                  invalid      1

                Rejected by the ledger, by reason:
                  3 × cannot lift: there is no THROTTLING restriction active on KG/whatsapp
                      rows 3, 5-6
                  1 × duplicate
                      row 4

                Invalid (refused by ingest, not submitted):
                  row 8: country: unknown country 'Atlantis'

                Rejected and invalid rows are in reports.rejected.csv with the reason in rl_error: fix them there and import that file.
                """, summary.render());
        assertEquals(ExitCode.FINDINGS, summary.exitCode());
    }

    @Test
    void pendingOrUnavailableRowsMakeItIncompleteAndSayHowToResume() {
        Summary summary = new Summary(Path.of("r.ndjson"), ReportFormat.NDJSON, List.of(
                RowResult.pending(1, "RU/x", UUID.randomUUID(), true),
                RowResult.unavailable(2, "ingest answered 503: Ledger unavailable"),
                decided(3, Outcome.REJECTED, "duplicate")), null);
        String text = summary.render();
        assertTrue(text.contains("  pending      1\n  unavailable  1\n"), text);
        assertTrue(text.contains("(1 row was submitted by an earlier run"), text);
        assertTrue(text.contains("Not taken (run the same command again to resume):\n  ingest answered 503: Ledger unavailable: row 2"), text);
        assertTrue(text.contains("Still pending when rl stopped waiting (run the same command again to follow them): row 1"), text);
        assertEquals(ExitCode.INCOMPLETE, summary.exitCode());
    }

    @Test
    void everythingAcceptedIsSuccess() {
        Summary summary = new Summary(Path.of("r.json"), ReportFormat.JSON, List.of(decided(1, Outcome.ACCEPTED, null)), null);
        assertEquals(ExitCode.OK, summary.exitCode());
        assertEquals("rows 1-3, 7, 9-10", Summary.rowList(List.of(10, 1, 2, 3, 7, 9)));
    }

    @Test
    void theRejectsFileKeepsTheInputFormatWithTheReasonAndImportsAgain() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), """
                type,country,platform,reason
                restriction.imposed,KG,whatsapp,"a, quoted"
                restriction.lifted,KG,whatsapp,x
                restriction.imposed,Atlantis,whatsapp,y
                """);
        Path out = RejectsFile.nameFor(csv, ReportFormat.CSV);
        assertEquals(dir.resolve("in.rejected.csv"), out);
        RejectsFile.write(csv, ReportFormat.CSV, Map.of(3, "not active", 4, "country: unknown"), out);
        assertEquals("""
                rl_error,type,country,platform,reason
                row 3: not active,restriction.lifted,KG,whatsapp,x
                row 4: country: unknown,restriction.imposed,Atlantis,whatsapp,y
                """, Files.readString(out));
        List<Row> again = RowReaderTest.read(out, ReportFormat.CSV);
        assertEquals("{\"type\":\"restriction.lifted\",\"country\":\"KG\",\"platform\":\"whatsapp\",\"reason\":\"x\"}",
                again.get(0).report().toString());

        Path ndjson = Files.writeString(dir.resolve("in.ndjson"), "{\"type\":\"a\"}\nnot json\n{\"type\":\"b\"}\n");
        Path rejected = dir.resolve("in.rejected.ndjson");
        RejectsFile.write(ndjson, ReportFormat.NDJSON, Map.of(2, "unreadable", 3, "duplicate"), rejected);
        assertEquals("""
                {"rl_error":"row 2: unreadable","rl_original":"not json"}
                {"rl_error":"row 3: duplicate","type":"b"}
                """, Files.readString(rejected));
    }
}
