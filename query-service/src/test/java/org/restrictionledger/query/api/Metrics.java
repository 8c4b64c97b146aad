package org.restrictionledger.query.api;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** One value from the service's Prometheus scrape (management port). */
final class Metrics {

    private Metrics() {
    }

    static double value(URL metrics, String name) {
        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();
        return scrape.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * Waits until the live feed's poller has read the change log twice from now: one of those reads began after what
     * is visible now, so the feed (and the ETags) have caught up with it.
     */
    static void awaitThePollerHasReadTheStore(URL metrics) {
        double reads = value(metrics, "query_stream_change_log_reads_total");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> value(metrics, "query_stream_change_log_reads_total") >= reads + 2);
    }
}
