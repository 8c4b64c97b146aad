package org.restrictionledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.json.Json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sustained end-to-end throughput of a {@link Shape}: reports posted as NDJSON batches to the ingest API by two
 * submitters (each owning half the streams, so each stream's reports go out in order), timed until every stream
 * shows its last version in the query API. The submitters keep the backlog bounded (what has been submitted but not
 * yet projected, read from {@code GET /api/v1/projection}) to about eight seconds of the rate seen so far, so a slow
 * product is measured at the rate it sustains instead of piling up work for the next phase.
 */
final class EndToEnd {

    private static final int SUBMITTERS = 2;
    /** Batches in flight before the projection's position (refreshed every few seconds) has shown any rate. */
    private static final int MIN_BACKLOG_BATCHES = 5;
    private static final long MIN_BACKLOG = 1_000;

    /**
     * @param events         events that were visible at the end
     * @param seconds        first POST → last stream visible (or the budget, when it ran out)
     * @param complete       every stream reached its last version within the budget
     * @param ingestPerSecond reports per second the batch endpoint took while it was being posted to (time inside
     *                        the POSTs only: what ingest itself can take, whatever the backlog bound held back)
     */
    record Outcome(String shape, long events, double seconds, boolean complete, double ingestPerSecond) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private EndToEnd() {
    }

    /** What the submitters, the projection follower and the visibility check share during one phase. */
    private static final class Progress {
        final long start = System.nanoTime();
        final long deadline;
        final long minBacklog;
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong projected = new AtomicLong();
        final AtomicLong postingNanos = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();

        Progress(Duration budget, int batchSize) {
            this.deadline = start + budget.toNanos();
            this.minBacklog = Math.max(MIN_BACKLOG, (long) MIN_BACKLOG_BATCHES * batchSize);
        }

        boolean over() {
            return stop.get() || System.nanoTime() >= deadline;
        }

        /** Submitted but not yet projected stays below eight seconds of the rate reached so far. */
        boolean backlogFull() {
            double elapsed = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            long allowed = Math.max(minBacklog, (long) (projected.get() / elapsed * 8));
            return submitted.get() - projected.get() >= allowed;
        }
    }

    static Outcome run(Api api, String ingest, String query, Shape shape, Duration budget, int batchSize,
                       Consumer<String> log) throws Exception {
        long base = Math.max(0, api.projected(query));
        Progress progress = new Progress(budget, batchSize);
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + 1);
        try {
            pool.execute(() -> followProjection(api, query, base, progress));
            List<Future<?>> submitters = new ArrayList<>();
            for (int s = 0; s < SUBMITTERS; s++) {
                int self = s;
                submitters.add(pool.submit(() -> {
                    submit(api, ingest, shape, self, batchSize, progress);
                    return null;
                }));
            }
            boolean complete = awaitVisible(api, query, shape, progress.deadline, submitters, log);
            long end = System.nanoTime();
            progress.stop.set(true);
            for (Future<?> submitter : submitters) {
                submitter.get();
            }
            long events = complete ? shape.totalEvents() : countVisible(api, query, shape);
            double seconds = (end - progress.start) / 1e9;
            if (!complete) {
                log.accept(shape.tag() + ": budget of " + budget + " ran out: " + events + " of " + shape.totalEvents()
                        + " events visible; waiting for the backlog to drain before the next phase");
                drain(api, query, base + progress.submitted.get(), budget);
            }
            // The batch endpoint's own pace: reports over the time the submitters spent inside POSTs.
            double postingSeconds = progress.postingNanos.get() / 1e9 / SUBMITTERS;
            return new Outcome(shape.tag(), events, seconds, complete, progress.submitted.get() / postingSeconds);
        } finally {
            progress.stop.set(true);
            pool.shutdownNow();
        }
    }

    private static void submit(Api api, String ingest, Shape shape, int self, int batchSize, Progress progress) {
        StringBuilder batch = new StringBuilder();
        int lines = 0;
        for (int i = 0; i < shape.events(); i++) {
            for (int k = self; k < shape.streams(); k += SUBMITTERS) {
                batch.append(shape.report(k, i)).append('\n');
                if (++lines == batchSize) {
                    if (!post(api, ingest, batch.toString(), lines, progress)) {
                        return;
                    }
                    batch.setLength(0);
                    lines = 0;
                }
            }
        }
        if (lines > 0) {
            post(api, ingest, batch.toString(), lines, progress);
        }
    }

    /** Waits while the backlog is full, then posts; false when the phase is over. */
    private static boolean post(Api api, String ingest, String ndjson, int lines, Progress progress) {
        while (!progress.over() && progress.backlogFull()) {
            Pause.millis(50);
        }
        if (progress.over()) {
            return false;
        }
        long posting = System.nanoTime();
        JsonNode answer = api.postBatch(ingest, ndjson);
        progress.postingNanos.addAndGet(System.nanoTime() - posting);
        int accepted = answer.path("submitted").asInt();
        if (answer.path("invalid").asInt() > 0) {
            throw new IllegalStateException("the harness sent reports ingest calls invalid: "
                    + Api.abbreviate(answer.path("items").toString()));
        }
        progress.submitted.addAndGet(accepted);
        if (accepted < lines) {
            // UNAVAILABLE: the broker did not take them. Resend those, in order.
            String[] all = ndjson.split("\n");
            StringBuilder again = new StringBuilder();
            int count = 0;
            for (JsonNode item : answer.path("items")) {
                if ("UNAVAILABLE".equals(item.path("result").asText())) {
                    again.append(all[item.path("index").asInt()]).append('\n');
                    count++;
                }
            }
            Pause.millis(500);
            return post(api, ingest, again.toString(), count, progress);
        }
        return true;
    }

    private static void followProjection(Api api, String query, long base, Progress progress) {
        while (!progress.stop.get() && !Thread.currentThread().isInterrupted()) {
            try {
                long position = api.projected(query);
                if (position >= 0) {
                    progress.projected.set(position - base);
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the next look will do (or the phase is over)
            }
        }
    }

    /** Group by group, until each stream shows its last version; false when the deadline comes first. */
    private static boolean awaitVisible(Api api, String query, Shape shape, long deadline, List<Future<?>> submitters,
                                        Consumer<String> log) {
        long lastLog = System.nanoTime();
        for (int g = 0; g < shape.groups(); g++) {
            String etag = null;
            while (true) {
                failFast(submitters);
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                Map<String, String> headers = etag == null ? Map.of() : Map.of("If-None-Match", etag);
                HttpResponse<String> response = api.get(query + Endpoints.platformCountries(shape.platform(g)), headers);
                if (response.statusCode() == 200) {
                    etag = response.headers().firstValue("ETag").orElse(null);
                    if (visible(Json.tree(response.body()), shape, g) == shape.totalEventsOf(g)) {
                        break;
                    }
                }
                if (System.nanoTime() - lastLog > 10_000_000_000L) {
                    log.accept(shape.tag() + ": waiting for group " + (g + 1) + " of " + shape.groups());
                    lastLog = System.nanoTime();
                }
                Pause.millis(100);
            }
        }
        return true;
    }

    /** A submitter that failed (the ingest API refused a batch) ends the phase now, with its reason. */
    private static void failFast(List<Future<?>> submitters) {
        for (Future<?> submitter : submitters) {
            if (submitter.isDone()) {
                try {
                    submitter.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("submitting failed: " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Events of group {@code g} visible in one answer of GET /api/v1/platforms/{platform}/countries. */
    private static long visible(JsonNode answer, Shape shape, int g) {
        Map<String, Long> versions = new HashMap<>();
        for (JsonNode status : answer.path("countries")) {
            versions.put(status.path("stream").asText(), status.path("version").asLong());
        }
        long events = 0;
        int[] range = shape.range(g);
        for (int k = range[0]; k < range[1]; k++) {
            events += Math.min(shape.events(), versions.getOrDefault(shape.country(k) + "/" + shape.platformOf(k), 0L));
        }
        return events;
    }

    private static long countVisible(Api api, String query, Shape shape) {
        long events = 0;
        for (int g = 0; g < shape.groups(); g++) {
            HttpResponse<String> response = api.get(query + Endpoints.platformCountries(shape.platform(g)), Map.of());
            if (response.statusCode() == 200) {
                events += visible(Json.tree(response.body()), shape, g);
            }
        }
        return events;
    }

    /** Lets what was submitted reach the read model (or gives up after the budget), so the next phase starts quiet. */
    private static void drain(Api api, String query, long target, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline && api.projected(query) < target) {
            Pause.millis(500);
        }
    }
}
