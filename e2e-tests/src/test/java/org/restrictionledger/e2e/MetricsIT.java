package org.restrictionledger.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.restrictionledger.e2e.Reports.submitAndAwait;

/**
 * After a flow, the Prometheus counters of every service have moved (scraped at /q/metrics on the management port,
 * as Prometheus would).
 */
class MetricsIT {

    private static String scrape(RunningProduct.Service service) {
        return given().baseUri(RunningProduct.get().managementUrl(service)).when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }

    /**
     * The sum of every sample whose line starts with {@code name} and contains every label given (a counter is split
     * by its other labels, e.g. one line per status code of an endpoint); -1 when there is none.
     */
    private static double sample(String metrics, String name, String... labels) {
        double sum = -1;
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                // The value follows the labels; an OpenMetrics exemplar (" # {...} value timestamp") may follow it.
                Matcher m = Pattern.compile("^\\S+(?:\\{.*?\\})? ([0-9.eE+-]+)").matcher(line.split(" # ")[0]);
                if (m.find()) {
                    sum = Math.max(sum, 0) + Double.parseDouble(m.group(1));
                }
            }
        }
        return sum;
    }

    @Test
    void aFlowMovesTheCountersOfEveryService() {
        String report = """
                {"type": "%s", "country": "Uzbekistan", "platform": "Telegram", "measure": "FULL_BLOCK",
                 "effective": "2025-11", "sources": [{"publisher": "Example News"}]}""";
        submitAndAwait(report.formatted("restriction.imposed"), "ACCEPTED");
        submitAndAwait(report.formatted("restriction.imposed"), "REJECTED");

        String ingest = scrape(RunningProduct.Service.INGEST);
        assertTrue(sample(ingest, "ingest_reports_total", "result=\"submitted\"") >= 2, "ingest_reports_total");
        assertTrue(sample(ingest, "ingest_outcomes_total", "decision=\"rejected\"") >= 1, "ingest_outcomes_total");
        assertTrue(sample(ingest, "http_server_requests_seconds_count", "uri=\"/api/v1/reports\"", "status=\"202\"") >= 2,
                "HTTP latency per endpoint: " + ingest.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                        .toList());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String ledger = scrape(RunningProduct.Service.LEDGER);
            assertTrue(sample(ledger, "ledger_commands_total", "decision=\"accepted\"") >= 1, "accepted");
            assertTrue(sample(ledger, "ledger_commands_total", "decision=\"rejected\"", "reason=\"duplicate\"") >= 1,
                    "rejected by reason");
            assertTrue(sample(ledger, "ledger_events_appended_total", "type=\"restriction.imposed\"") >= 1, "appended");
            assertTrue(sample(ledger, "ledger_outbox_backlog") >= 0, "outbox backlog");
            assertTrue(sample(ledger, "ledger_outbox_publish_latency_seconds_count") >= 1, "publish latency");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertTrue(sample(scrape(RunningProduct.Service.QUERY), "projection_lag", "partition=\"0\"") >= 0,
                        "projection lag per partition"));
    }
}
