package org.restrictionledger.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load: {@code connections} clients, each sending its next GET as soon as the previous answer is
 * read (as wrk does), on two Vert.x event loops with keep-alive connections. Only the measured window after the
 * warm-up counts.
 */
final class HttpLoad {

    /**
     * @param requestsPerSecond answers with the expected status per second in the measured window
     * @param unexpected        answers with another status, or failures
     */
    record Outcome(double requestsPerSecond, double p50Millis, double p99Millis, long unexpected) {
    }

    private HttpLoad() {
    }

    static Outcome run(String url, Map<String, String> headers, int expectedStatus, int connections,
                       int warmupSeconds, int seconds) throws InterruptedException {
        URI uri = URI.create(url);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1));
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                            .setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                            .setKeepAlive(true).setPipelining(false).setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
            long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
            Latencies latencies = new Latencies();
            AtomicLong good = new AtomicLong();
            AtomicLong bad = new AtomicLong();
            CountDownLatch done = new CountDownLatch(connections);
            for (int i = 0; i < connections; i++) {
                vertx.runOnContext(v -> loop(client, path, headers, expectedStatus, warmEnd, end, latencies, good, bad, done));
            }
            if (!done.await(warmupSeconds + seconds + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load on " + url + " did not finish");
            }
            client.close().toCompletionStage().toCompletableFuture().join();
            return new Outcome(good.get() / (double) seconds, latencies.percentileMillis(50),
                    latencies.percentileMillis(99), bad.get());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void loop(HttpClient client, String path, Map<String, String> headers, int expectedStatus,
                             long warmEnd, long end, Latencies latencies, AtomicLong good, AtomicLong bad,
                             CountDownLatch done) {
        long start = System.nanoTime();
        if (start >= end) {
            done.countDown();
            return;
        }
        Future<Integer> answer = client.request(HttpMethod.GET, path).compose(request -> {
            headers.forEach(request::putHeader);
            return request.send().compose(response -> response.body().map(body -> response.statusCode()));
        });
        answer.onComplete(result -> {
            long finished = System.nanoTime();
            if (start >= warmEnd && finished <= end) {
                if (result.succeeded() && result.result() == expectedStatus) {
                    good.incrementAndGet();
                    latencies.add(finished - start);
                } else {
                    bad.incrementAndGet();
                }
            }
            loop(client, path, headers, expectedStatus, warmEnd, end, latencies, good, bad, done);
        });
    }
}
