package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/stream} as browsers use it: the first connect has no resume position, the stream says how soon to
 * reconnect ({@code retry:}) and stays alive with comment lines, and a reconnect with {@code Last-Event-ID} from
 * further back than the live feed keeps in memory catches up from the store and joins the live feed without a gap or a
 * repeat. The test profile sends a heartbeat every second and keeps only 50 changes in memory.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class LiveStreamTest {

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static RestrictionImposed imposed(Measure measure, int month) {
        return new RestrictionImposed(measure, List.of(), "Regulator", null, "reason",
                Effective.day(LocalDate.of(2025, month, 1)), List.of(new Source(null, "Example News", null)));
    }

    @Test
    void aFirstConnectGetsRetryThenHeartbeatsThenTheNextChange() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (SseConnection sse = SseConnection.open(SseConnection.client(executor), URI.create(stream.toString()), Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sse.has(l -> l.startsWith("retry:")));
            assertEquals(200, sse.status());
            String retry = sse.lines.stream().filter(l -> l.startsWith("retry:")).findFirst().orElseThrow();
            assertEquals("3000", retry.substring(6).strip());
            // Nothing happens in this test's country: the stream still speaks, in comment lines EventSource ignores.
            await().atMost(Duration.ofSeconds(30)).until(() -> sse.has(l -> l.startsWith(":") && l.contains("keep-alive")));

            TestEvents events = new TestEvents();
            events.publish("heartbeat", imposed(Measure.FULL_BLOCK, 2));
            await().atMost(Duration.ofSeconds(60)).until(() -> !sse.data(d -> d.contains(events.country + "/heartbeat")).isEmpty());
            assertTrue(sse.data(d -> d.contains(events.country + "/heartbeat")).get(0).contains("\"status\":\"BLOCKED\""));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aResumeFromBeyondMemoryCatchesUpFromTheStoreAndJoinsTheLiveFeedWithoutGapOrRepeat() {
        TestEvents events = new TestEvents();
        String mine = events.country + "/resume";
        ExecutorService executor = Executors.newFixedThreadPool(2);
        HttpClient client = SseConnection.client(executor);
        try {
            String firstId;
            try (SseConnection first = SseConnection.open(client, URI.create(stream.toString()), Map.of())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> first.has(l -> l.startsWith("retry:")));
                events.publish("resume", imposed(Measure.THROTTLING, 1));
                await().atMost(Duration.ofSeconds(60)).until(() -> first.idOf(l -> l.contains(mine)) != null);
                firstId = first.idOf(l -> l.contains(mine));
            }
            // More changes than the feed keeps in memory (50 in tests): the resume must read the store.
            for (int v = 2; v <= 60; v++) {
                events.publish("resume", imposed(v % 2 == 0 ? Measure.FULL_BLOCK : Measure.THROTTLING, 1 + v % 12));
            }
            events.awaitVersion("resume", 60);
            Metrics.awaitThePollerHasReadTheStore(metrics);
            double catchUps = metric("query_stream_catch_up_reads_total");

            try (SseConnection resumed = SseConnection.open(client, URI.create(stream.toString()),
                    Map.of("Last-Event-ID", firstId))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> resumed.data(d -> d.contains(mine)).size() >= 59);
                assertTrue(metric("query_stream_catch_up_reads_total") > catchUps, "the resume read the store");
                // ...and then follows the live feed.
                for (int v = 61; v <= 63; v++) {
                    events.publish("resume", imposed(Measure.OTHER, 3));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> resumed.data(d -> d.contains(mine)).size() >= 62);
                List<String[]> received = resumed.events(d -> d.contains(mine));
                List<Long> versions = new ArrayList<>();
                long previousId = Long.parseLong(firstId);
                for (String[] event : received) {
                    long id = Long.parseLong(event[0]);
                    assertTrue(id > previousId, "ids strictly increase: " + id + " after " + previousId);
                    previousId = id;
                    versions.add(new JsonPath(event[1]).getLong("version"));
                }
                assertEquals(LongStream.rangeClosed(2, 63).boxed().toList(), versions);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private double metric(String name) {
        return Metrics.value(metrics, name);
    }
}
