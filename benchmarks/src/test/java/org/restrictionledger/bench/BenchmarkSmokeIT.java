package org.restrictionledger.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's smoke form, in {@code ./mvnw verify}: tiny counts against the real local stack (broker, PostgreSQL,
 * the three packaged services, the minimal endpoint, then a second ledger and query instance). It checks that the
 * harness produced every figure of the table, not how fast anything was: timing targets belong to the full form on
 * a quiet machine.
 */
class BenchmarkSmokeIT {

    private static final List<String> FIGURES = List.of(
            "raw.producer", "raw.consumer", "raw.postgres", "minimal.text", "minimal.json",
            "e2e.wide", "e2e.deep", "fresh.quiet.p99", "fresh.p50", "fresh.p95", "fresh.p99", "poll.200", "poll.304", "rebuild",
            "rss.ingest", "rss.ledger", "rss.query", "rss.ledger-2", "rss.query-2",
            "start.ingest", "start.ledger", "start.query", "start.minimal", "start.ledger-2", "start.query-2",
            "e2e.wide.2", "e2e.deep.2", "poll.200.2");

    @Test
    void theSmokeFormMeasuresEveryFigureOfTheTable() throws Exception {
        Path root = Path.of(System.getProperty("rl.root", "..")).toAbsolutePath().normalize();

        Benchmark.Report report = Benchmark.run(Options.parse("--form=smoke"), root);

        Map<String, Double> figures = report.figures();
        for (String figure : FIGURES) {
            Double value = figures.get(figure);
            assertTrue(value != null && Double.isFinite(value) && value > 0, figure + " was not measured: " + value
                    + "\n" + report.markdown());
        }
        // Tiny counts fit the smoke budget: the harness saw every stream reach its last version.
        for (String shape : List.of("e2e.wide", "e2e.deep", "e2e.wide.2", "e2e.deep.2")) {
            assertEquals(1.0, figures.get(shape + ".complete"), shape + " did not complete\n" + report.markdown());
        }
        // every live stream opened as a browser opens it, and the row says what they cost
        assertEquals(50.0, figures.get("live.open"), "live streams open\n" + report.markdown());
        String written = Files.readString(report.written());
        assertTrue(written.contains("| open live streams (`GET /api/v1/stream`, no resume header)"), written);
        assertTrue(written.contains("| figure | measured |") && written.contains("end to end, wide")
                && written.contains("2 ledger + 2 query instances"), written);
        // each service instance recorded a profile, and the summary names where its CPU went
        for (String instance : List.of("ingest", "ledger", "query", "ledger-2", "query-2")) {
            assertTrue(written.contains("\n**" + instance + "** ("), "no profile of " + instance + "\n" + written);
        }
        assertTrue(written.contains("| this product's method nearest on the stack |"), written);
    }
}
