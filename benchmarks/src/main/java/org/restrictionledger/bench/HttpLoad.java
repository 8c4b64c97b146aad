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
 * read (as wrk does), on two Vert.x event loops with keep-alive connections. The measured window opens after the
 * warm-up, and not before every connection has had an answer (a cold server on a busy machine can take seconds for
 * its first ones); only answers inside the window count.
 */
final class HttpLoad {

    /** How long a load may wait for its window to open before it gives up. */
    private static final long MAX_WARMUP_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * @param requestsPerSecond answers with the expected status per second in the measured window
     * @param unexpected        answers with another status, or failures
     */
    record Outcome(double requestsPerSecond, double p50Millis, double p99Millis, long unexpected) {
    }

    private final String path;
    private final Map<String, String> headers;
    private final int expectedStatus;
    private final int connections;
    private final long warmEnd;
    private final long windowNanos;
    private final long giveUp;
    private final AtomicLong windowStart = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong good = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private final Latencies latencies = new Latencies();
    private final CountDownLatch done;

    private HttpLoad(String path, Map<String, String> headers, int expectedStatus, int connections, int warmupSeconds,
                     int seconds) {
        this.path = path;
        this.headers = headers;
        this.expectedStatus = expectedStatus;
        this.connections = connections;
        long now = System.nanoTime();
        this.warmEnd = now + TimeUnit.SECONDS.toNanos(warmupSeconds);
        this.windowNanos = TimeUnit.SECONDS.toNanos(seconds);
        this.giveUp = warmEnd + MAX_WARMUP_NANOS;
        this.done = new CountDownLatch(connections);
    }

    static Outcome run(String url, Map<String, String> headers, int expectedStatus, int connections,
                       int warmupSeconds, int seconds) throws InterruptedException {
        URI uri = URI.create(url);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpLoad load = new HttpLoad(path, headers, expectedStatus, connections, warmupSeconds, seconds);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1));
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                            .setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                            .setKeepAlive(true).setPipelining(false).setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
            for (int i = 0; i < connections; i++) {
                vertx.runOnContext(v -> load.next(client));
            }
            if (!load.done.await(warmupSeconds + seconds + 120L, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load on " + url + " did not finish");
            }
            client.close().toCompletionStage().toCompletableFuture().join();
            if (load.windowStart.get() == 0) {
                throw new IllegalStateException("the load on " + url + " never got an answer on every connection");
            }
            return new Outcome(load.good.get() / (seconds * 1.0), load.latencies.percentileMillis(50),
                    load.latencies.percentileMillis(99), load.bad.get());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void next(HttpClient client) {
        long start = System.nanoTime();
        long window = windowStart.get();
        if ((window != 0 && start >= window + windowNanos) || (window == 0 && start >= giveUp)) {
            done.countDown();
            return;
        }
        Future<Integer> answer = client.request(HttpMethod.GET, path).compose(request -> {
            headers.forEach(request::putHeader);
            return request.send().compose(response -> response.body().map(body -> response.statusCode()));
        });
        answer.onComplete(result -> {
            long finished = System.nanoTime();
            long opened = windowStart.get();
            if (opened == 0 && answered.incrementAndGet() >= connections && finished >= warmEnd) {
                windowStart.compareAndSet(0, finished);
            } else if (opened != 0 && start >= opened && finished <= opened + windowNanos) {
                if (result.succeeded() && result.result() == expectedStatus) {
                    good.incrementAndGet();
                    latencies.add(finished - start);
                } else {
                    bad.incrementAndGet();
                }
            }
            next(client);
        });
    }
}
