package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several hundred browsers on the live stream at once: they share the instance's one poller (one read of the change
 * log per interval, whatever the number of streams), hold no thread each, cost little memory, all receive a change,
 * and ordinary GETs are still answered meanwhile. Each stream opens as EventSource's first connect does (no resume
 * position: one read of the head each, when it opens). The test profile allows 1,000 open streams per client.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ManyStreamsTest {

    private static final int STREAMS = 300;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500); // query.stream.poll-interval

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @TestHTTPResource("/api/v1/countries")
    URL countries;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void threeHundredOpenStreamsShareOnePollerAndLeaveTheApiResponsive() throws Exception {
        TestEvents events = new TestEvents();
        events.publish("crowd", new RestrictionImposed(Measure.THROTTLING, List.of(), "Regulator", null, "reason",
                Effective.day(LocalDate.of(2025, 1, 1)), List.of(new Source(null, "Example News", null))));
        events.awaitVersion("crowd", 1);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient client = SseConnection.client(executor);
        List<SseConnection> open = new ArrayList<>();
        try {
            System.gc();
            long heapBefore = usedHeap();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            double headReads = metric("query_stream_head_reads_total");
            double catchUps = metric("query_stream_catch_up_reads_total");

            // Opened ten at a time, as a crowd of pages arrives, each until its stream has opened.
            for (int i = 0; i < STREAMS; i += 10) {
                List<SseConnection> group = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    group.add(SseConnection.open(client, URI.create(stream.toString()), Map.of()));
                }
                open.addAll(group);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> group.stream().allMatch(c -> c.has(l -> l.startsWith("retry:"))));
            }
            assertTrue(open.stream().allMatch(c -> c.status() == 200));
            assertEquals(STREAMS, metric("query_stream_head_reads_total") - headReads, 0.5,
                    "one read of the head per stream, when it opens");

            double reads = metric("query_stream_change_log_reads_total");
            long start = System.nanoTime();
            events.publish("crowd", new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Regulator", null, "reason",
                    Effective.day(LocalDate.of(2025, 6, 1)), List.of(new Source(null, "Example News", null))));
            String mine = events.country + "/crowd";
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> open.stream().allMatch(c -> !c.data(d -> d.contains(mine)).isEmpty()));
            // A few more intervals with everything open, then count the reads of the change log.
            double readsAtDelivery = metric("query_stream_change_log_reads_total");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> metric("query_stream_change_log_reads_total") >= readsAtDelivery + 6);
            double polled = metric("query_stream_change_log_reads_total") - reads;
            double intervals = (double) (System.nanoTime() - start) / POLL_INTERVAL.toNanos();
            assertTrue(polled <= intervals + 2, polled + " reads of the change log in " + intervals
                    + " intervals with " + STREAMS + " streams open: expected about one per interval");
            assertEquals(0, metric("query_stream_catch_up_reads_total") - catchUps, 0.5,
                    "streams that are live never read the store");

            // Ordinary reads are answered while the streams are open.
            HttpClient reader = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = reader.send(HttpRequest.newBuilder(URI.create(countries.toString()))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertTrue(response.body().contains(events.country), "the world list names the test's country");
            }

            // No thread per stream, and little memory.
            int threadsOpen = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threadsOpen - threadsBefore < 60, "threads grew from " + threadsBefore + " to " + threadsOpen
                    + " with " + STREAMS + " streams open");
            System.gc();
            long heapGrowth = usedHeap() - heapBefore;
            assertTrue(heapGrowth < 128L * 1024 * 1024, "heap grew by " + heapGrowth / 1024 / 1024 + " MiB with "
                    + STREAMS + " streams open");
            // The figures, for the record (the build log).
            System.out.printf("%d open SSE streams: %.0f change-log reads in %.1f poll intervals, threads %d -> %d,"
                            + " heap growth %d MiB%n", STREAMS, polled, intervals, threadsBefore, threadsOpen,
                    heapGrowth / 1024 / 1024);
        } finally {
            open.forEach(SseConnection::close);
            executor.shutdownNow();
        }
        // Closed streams stop waiting on the feed (nothing is left behind per connection).
        await().atMost(Duration.ofSeconds(60)).until(() -> metric("query_stream_waiting") < STREAMS / 10.0);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private double metric(String name) {
        return Metrics.value(metrics, name);
    }
}
