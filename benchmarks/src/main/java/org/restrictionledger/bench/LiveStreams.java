package org.restrictionledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many live screens at once: {@code count} connections to {@code GET /api/v1/stream} opened as a browser's
 * EventSource opens them, with no resume header, held open while the harness measures what they cost the query
 * service (its threads, its database reads, how fast ordinary GETs stay). One HTTP client and no thread per
 * connection on the harness side: each stream's lines go to a subscriber that only counts them.
 */
final class LiveStreams implements AutoCloseable {

    private final List<Flow.Subscription> subscriptions = new ArrayList<>();
    private final CountDownLatch opened;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();

    private LiveStreams(int count) {
        this.opened = new CountDownLatch(count);
    }

    /** Opens them all and waits until each has received its first line (the stream's opening), or {@code timeout}. */
    static LiveStreams open(String streamUrl, int count, Duration timeout) throws InterruptedException {
        LiveStreams streams = new LiveStreams(count);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl)).header("Accept", "text/event-stream").build();
        for (int i = 0; i < count; i++) {
            Counter counter = streams.new Counter();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(counter))
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            counter.settle(false);
                        }
                    });
        }
        streams.opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return streams;
    }

    /** Streams that answered and sent their first line. */
    int open() {
        return live.get();
    }

    int failed() {
        return failed.get();
    }

    int lines() {
        return lines.get();
    }

    @Override
    public synchronized void close() {
        subscriptions.forEach(Flow.Subscription::cancel);
        subscriptions.clear();
    }

    /**
     * Counts the lines of one stream. It is open once its first line is an event stream's (a comment or the
     * {@code retry:} field the stream opens with); anything else (a problem document) or no answer is a failure.
     */
    private final class Counter implements Flow.Subscriber<String> {
        private final AtomicBoolean settled = new AtomicBoolean();

        void settle(boolean ok) {
            if (settled.compareAndSet(false, true)) {
                (ok ? live : failed).incrementAndGet();
                opened.countDown();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            synchronized (LiveStreams.this) {
                subscriptions.add(subscription);
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.incrementAndGet();
            settle(line.startsWith(":") || line.startsWith("retry:"));
        }

        @Override
        public void onError(Throwable throwable) {
            settle(false);
        }

        @Override
        public void onComplete() {
            settle(false);
        }
    }

    /** A Prometheus counter's value on a management endpoint ({@code /q/metrics}), if it is there. */
    static OptionalDouble counter(Api api, String managementUrl, String name) {
        try {
            String text = api.get(managementUrl + "/q/metrics", Map.of()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
        } catch (RuntimeException e) {
            // no metrics: the figure is left out
        }
        return OptionalDouble.empty();
    }
}
