package org.restrictionledger.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.restrictionledger.testsupport.TestTokens;

/**
 * Steady load through ingest's public API: NDJSON batches of reports across many streams at a fixed rate, from its
 * own thread, until stopped. Mostly fines with amounts that never repeat (each must be ACCEPTED), and impositions of
 * a full block on a random stream (the first ACCEPTED, later ones REJECTED as duplicates): both outcomes occur.
 * It remembers every submission that ingest answered SUBMITTED, and counts what it could not submit (503, or a
 * connection refused while ingest is away): those are the reporter's to retry, not the ledger's to lose.
 */
final class Load implements AutoCloseable {

    static final String[] COUNTRIES = {"NO", "SE", "FI", "DK"};

    private final String ingest;
    private final int perSecond;
    private final int platforms;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Random random = new Random(42);
    private final AtomicLong amounts = new AtomicLong(1_000);
    final List<String> submitted = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, Long> refused = new ConcurrentHashMap<>();
    final AtomicLong sent = new AtomicLong();

    Load(String ingest, int perSecond, int platforms) {
        this.ingest = ingest;
        this.perSecond = perSecond;
        this.platforms = platforms;
        this.thread = new Thread(this::run, "fault-load");
        thread.start();
    }

    private void run() {
        int batch = Math.max(1, perSecond / 10);
        long interval = 1_000_000_000L * batch / perSecond;
        long next = System.nanoTime();
        while (running.get()) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < batch; i++) {
                body.append(report()).append('\n');
            }
            post(body.toString(), batch);
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Stack.pause(Duration.ofNanos(wait));
            }
        }
    }

    private String report() {
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String platform = "fi-" + random.nextInt(platforms);
        String day = "2026-01-" + String.format("%02d", 1 + random.nextInt(28));
        if (random.nextInt(5) == 0) {
            return """
                    {"type": "restriction.imposed", "country": "%s", "platform": "%s", "measure": "FULL_BLOCK", \
                    "effective": "%s", "sources": [{"publisher": "fault injection"}]}""".formatted(country, platform, day);
        }
        return """
                {"type": "fine.imposed", "country": "%s", "platform": "%s", "amount": "%d", "currency": "NOK", \
                "authority": "court", "effective": "%s", "sources": [{"publisher": "fault injection"}]}"""
                .formatted(country, platform, amounts.incrementAndGet(), day);
    }

    /** The load is one reporter's. */
    private final String token = TestTokens.token("fault-load", TestTokens.REPORTER);

    private void post(String ndjson, int count) {
        sent.addAndGet(count);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/reports/batch"))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", TestTokens.bearer(token))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                refused.merge("http " + response.statusCode(), (long) count, Long::sum);
                return;
            }
            int found = 0;
            Matcher ids = Pattern.compile("\"submissionId\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
            while (ids.find()) {
                submitted.add(ids.group(1));
                found++;
            }
            if (found < count) {
                refused.merge("unavailable", (long) (count - found), Long::sum);
            }
        } catch (Exception e) {
            refused.merge(e.getClass().getSimpleName(), (long) count, Long::sum);
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
