package org.restrictionledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Freshness: reports offered at a fixed rate (open loop: one every 1/rate s whatever the answers do), each on a
 * stream of its own, timed from just before its {@code POST /api/v1/reports} to the answer of
 * {@code GET .../platforms/{platform}?minVersion=1} (which waits up to a few seconds; a 503 is asked again).
 */
final class Freshness {

    /**
     * Reports waiting to be visible at most: enough for 1,000 reports/s at 250 ms each. Every waiting
     * {@code minVersion} request holds one of the query service's worker threads, so an unbounded number of them
     * would measure the harness's own load; past this the offered rate drops, and the table shows it.
     */
    private static final int MAX_IN_FLIGHT = 256;
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    /**
     * @param offeredPerSecond reports actually sent per second (below the rate when too many were still in flight)
     * @param visiblePerSecond reports that became visible, per second of the offering
     * @param lost             reports not visible within a minute, or refused
     */
    record Outcome(double rate, double offeredPerSecond, double visiblePerSecond, double p50, double p95, double p99,
                   long lost) {
    }

    private Freshness() {
    }

    static Outcome run(String ingest, String query, Shape shape, double rate, int seconds) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
        Latencies latencies = new Latencies();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lost = new AtomicLong();
        int total = shape.streams();
        long start = System.nanoTime();
        long offered = 0;
        try {
            for (int k = 0; k < total; k++) {
                long due = start + (long) (k / rate * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    continue;
                }
                offered++;
                inFlight.incrementAndGet();
                long sent = System.nanoTime();
                String platform = shape.platformOf(k);
                String country = shape.country(k);
                HttpRequest post = HttpRequest.newBuilder(URI.create(ingest + Endpoints.REPORT))
                        .header("Content-Type", "application/json").header("Authorization", BenchToken.AUTHORIZATION)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(shape.report(k, 0))).build();
                http.sendAsync(post, HttpResponse.BodyHandlers.discarding())
                        .thenCompose(answer -> answer.statusCode() == 202
                                ? awaitVisible(http, query + Endpoints.platformInCountry(country, platform, 1), sent)
                                : CompletableFuture.completedFuture(false))
                        .whenComplete((visible, failure) -> {
                            if (failure == null && visible) {
                                latencies.add(System.nanoTime() - sent);
                            } else {
                                lost.incrementAndGet();
                            }
                            inFlight.decrementAndGet();
                        });
            }
            // The offering lasts total/rate seconds (the last report is due at (total-1)/rate).
            double offering = Math.max((System.nanoTime() - start) / 1e9, total / rate);
            long waitUntil = System.nanoTime() + GIVE_UP.toNanos() + TimeUnit.SECONDS.toNanos(30);
            while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
                Pause.millis(50);
            }
            return new Outcome(rate, offered / offering, latencies.count() / offering, latencies.percentileMillis(50),
                    latencies.percentileMillis(95), latencies.percentileMillis(99), lost.get() + inFlight.get());
        } finally {
            executor.shutdownNow();
        }
    }

    private static CompletableFuture<Boolean> awaitVisible(HttpClient http, String url, long sent) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(get, HttpResponse.BodyHandlers.discarding()).thenCompose(answer -> {
            if (answer.statusCode() == 200) {
                return CompletableFuture.completedFuture(true);
            }
            if (answer.statusCode() == 503 && System.nanoTime() - sent < GIVE_UP.toNanos()) {
                return awaitVisible(http, url, sent);
            }
            return CompletableFuture.completedFuture(false);
        });
    }
}
