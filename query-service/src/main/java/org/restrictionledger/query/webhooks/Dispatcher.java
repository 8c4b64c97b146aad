package org.restrictionledger.query.webhooks;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers what {@link WebhookOutbox} recorded. Every {@code poll-interval} it claims due deliveries (a lease on each
 * row, {@code FOR UPDATE SKIP LOCKED}, so several instances share the work and a crashed one loses nothing), at most
 * one per subscription and stream: the PENDING one with the lowest stream version, so a stream's later change never
 * overtakes its earlier one. It POSTs them with at most {@code max-concurrency} requests in flight, signed as
 * Standard Webhooks asks, without following redirects, and records each attempt: 2xx is DELIVERED; anything else is
 * retried with exponential backoff and jitter ({@link Backoff}), given up (FAILED) when it still fails
 * {@code retry.give-up-after} after its first attempt, and counts against the subscription, which is disabled after
 * failing for {@code disable.after-failing-for}, after {@code disable.after-consecutive-failures} failures in a row
 * (when set), or at once when the receiver answers 410 Gone.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final String USER_AGENT = "restriction-ledger-webhooks/1";
    /** The longest error text kept per attempt. */
    private static final int MAX_ERROR = 500;

    /** A claimed delivery with what it takes to send it. */
    record Claimed(UUID id, UUID subscription, String stream, long version, String payload, int attempts,
                   Instant firstAttemptAt, String url, List<String> secrets) {
    }

    /** What one attempt came to: a status code, or an error when there was no answer. */
    record Result(Instant at, long durationMs, Integer statusCode, String error, Duration retryAfter) {
        boolean success() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        String describe() {
            return statusCode != null ? "HTTP " + statusCode : error;
        }
    }

    private final AgroalDataSource dataSource;
    private final WebhookConfig config;
    private final Backoff backoff;
    private final HttpClient http;
    private final ExecutorService senders;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong disabled = new AtomicLong();
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter givenUp;

    Dispatcher(AgroalDataSource dataSource, WebhookConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.backoff = Backoff.of(config.retry());
        this.senders = Executors.newFixedThreadPool(config.maxConcurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        String name = "webhooks.deliveries";
        String description = "webhook delivery attempts and deliveries, by outcome";
        this.delivered = Counter.builder(name).description(description).tag("outcome", "delivered").register(registry);
        this.failedAttempts = Counter.builder(name).description(description).tag("outcome", "failed_attempt").register(registry);
        this.givenUp = Counter.builder(name).description(description).tag("outcome", "given_up").register(registry);
        registry.gauge("webhooks.backlog", backlog);
        registry.gauge("webhooks.subscriptions.disabled", disabled);
    }

    @Scheduled(every = "${query.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "webhook-dispatcher")
    void tick() {
        if (!config.dispatch()) {
            return;
        }
        try {
            dispatchDue();
            measure();
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("webhook dispatch skipped a beat: %s", e.toString());
        }
    }

    /** Claims and delivers what is due, until nothing is. */
    void dispatchDue() throws SQLException {
        List<Claimed> claimed;
        do {
            claimed = claim();
            List<Future<?>> sending = new ArrayList<>(claimed.size());
            for (Claimed delivery : claimed) {
                sending.add(senders.submit(() -> deliver(delivery)));
            }
            for (Future<?> f : sending) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warnf("a webhook delivery could not be recorded (it is tried again after its lease): %s",
                            e.getCause().toString());
                }
            }
        } while (claimed.size() == config.batchSize());
    }

    private List<Claimed> claim() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH due AS (
                    SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                    WHERE d.state = 'PENDING' AND d.next_attempt_at <= now() AND s.enabled
                      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                      WHERE e.subscription_id = d.subscription_id AND e.stream_id = d.stream_id
                                        AND e.state = 'PENDING' AND e.stream_version < d.stream_version)
                    ORDER BY d.next_attempt_at
                    LIMIT ?
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_deliveries w SET next_attempt_at = now() + CAST(? AS interval)
                FROM due, webhook_subscriptions s
                WHERE w.id = due.id AND s.id = w.subscription_id
                RETURNING w.id, w.subscription_id, w.stream_id, w.stream_version, w.payload, w.attempts,
                          w.first_attempt_at, s.url, s.secret, s.previous_secret, s.previous_secret_until""")) {
            s.setInt(1, config.batchSize());
            s.setString(2, config.claimLease().toMillis() + " milliseconds");
            List<Claimed> out = new ArrayList<>();
            Instant now = Instant.now();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<String> secrets = new ArrayList<>(List.of(r.getString(9)));
                    Instant previousUntil = Subscriptions.instant(r, 11);
                    if (r.getString(10) != null && previousUntil != null && previousUntil.isAfter(now)) {
                        secrets.add(r.getString(10));
                    }
                    out.add(new Claimed(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            r.getLong(4), r.getString(5), r.getInt(6), Subscriptions.instant(r, 7), r.getString(8),
                            List.copyOf(secrets)));
                }
            }
            return out;
        }
    }

    private void deliver(Claimed delivery) {
        Result result = send(delivery);
        if (result == null) {
            return; // stopping: the claim's lease runs out and the delivery is tried again, not counted as failed
        }
        try {
            record(delivery, result);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One POST; never throws: a refused connection, a timeout or a bad URL is an attempt that failed. Null when
     * interrupted (the service is stopping).
     */
    Result send(Claimed delivery) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        long timestamp = at.getEpochSecond();
        String id = delivery.id().toString();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", Signatures.header(delivery.secrets(), id, timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
            // The answer's body is never read: nothing in it matters, and a receiver cannot make us read a lot.
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(at, elapsed(started), response.statusCode(), null,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Result(at, elapsed(started), null,
                    error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, null);
        }
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The attempt, the delivery's new state and the subscription's failure count, in one transaction. */
    private void record(Claimed delivery, Result result) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (result.success()) {
                    recordSuccess(c, delivery, result);
                } else {
                    recordFailure(c, delivery, result);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void recordSuccess(Connection c, Claimed delivery, Result result) throws SQLException {
        if (!update(c, """
                UPDATE webhook_deliveries SET state = 'DELIVERED', attempts = attempts + 1, finished_at = ?,
                       first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?,
                       last_status_code = ?, last_error = NULL
                WHERE id = ? AND state = 'PENDING'""",
                Timestamp.from(Instant.now()), Timestamp.from(result.at()), Timestamp.from(result.at()),
                result.statusCode(), delivery.id())) {
            return;
        }
        insertAttempt(c, delivery, result);
        update(c, """
                UPDATE webhook_subscriptions SET consecutive_failures = 0, failing_since = NULL, last_success_at = ?
                WHERE id = ?""", Timestamp.from(result.at()), delivery.subscription());
        delivered.increment();
        LOG.debugf("webhook %s delivered to subscription %s: %s v%d, HTTP %d", delivery.id(), delivery.subscription(),
                delivery.stream(), delivery.version(), result.statusCode());
    }

    private void recordFailure(Connection c, Claimed delivery, Result result) throws SQLException {
        failedAttempts.increment();
        int attempts = delivery.attempts() + 1;
        Instant firstAttempt = delivery.firstAttemptAt() != null ? delivery.firstAttemptAt() : result.at();
        Instant now = Instant.now();

        String disable = null;
        int consecutive;
        Instant failingSince;
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1,
                       failing_since = COALESCE(failing_since, ?)
                WHERE id = ? RETURNING consecutive_failures, failing_since""")) {
            s.setTimestamp(1, Timestamp.from(result.at()));
            s.setObject(2, delivery.subscription());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return; // deleted meanwhile: nothing left to record
                }
                consecutive = r.getInt(1);
                failingSince = Subscriptions.instant(r, 2);
            }
        }
        int limit = config.disable().afterConsecutiveFailures();
        if (result.statusCode() != null && result.statusCode() == 410) {
            disable = "the receiver answered 410 Gone";
        } else if (limit > 0 && consecutive >= limit) {
            disable = consecutive + " attempts in a row failed, the last: " + result.describe();
        } else if (!failingSince.plus(config.disable().afterFailingFor()).isAfter(now)) {
            disable = "every attempt failed since " + failingSince + " (" + config.disable().afterFailingFor()
                    + "), the last: " + result.describe();
        }

        String state = "PENDING";
        Instant next;
        if (disable != null) {
            next = now; // waits for the subscription to be enabled again; then it goes first
        } else if (!firstAttempt.plus(config.retry().giveUpAfter()).isAfter(now)) {
            state = "FAILED";
            next = now;
        } else {
            next = now.plus(backoff.after(attempts, result.retryAfter(), () -> ThreadLocalRandom.current().nextDouble()));
        }
        if (!update(c, """
                UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?,
                       first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?,
                       finished_at = CASE WHEN ? = 'FAILED' THEN CAST(? AS timestamptz) END,
                       last_status_code = ?, last_error = ?
                WHERE id = ? AND state = 'PENDING'""",
                state, Timestamp.from(next), Timestamp.from(result.at()), Timestamp.from(result.at()), state,
                Timestamp.from(now), result.statusCode(), result.statusCode() != null ? "HTTP " + result.statusCode()
                        : result.error(), delivery.id())) {
            c.rollback(); // delivered, given up or deleted meanwhile: this attempt changes nothing
            return;
        }
        insertAttempt(c, delivery, result);
        if ("FAILED".equals(state)) {
            givenUp.increment();
            LOG.warnf("webhook %s to subscription %s given up after %d attempts since %s (%s v%d); the stream's next "
                    + "change goes", delivery.id(), delivery.subscription(), attempts, firstAttempt, delivery.stream(),
                    delivery.version());
        }
        if (disable != null && update(c, """
                UPDATE webhook_subscriptions SET enabled = false, disabled_reason = ?, disabled_at = ?, updated_at = ?
                WHERE id = ? AND enabled""", disable, Timestamp.from(now), Timestamp.from(now), delivery.subscription())) {
            LOG.warnf("webhook subscription %s disabled: %s (its deliveries wait; enable it again through the API)",
                    delivery.subscription(), disable);
        }
    }

    private static void insertAttempt(Connection c, Claimed delivery, Result result) throws SQLException {
        update(c, """
                INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error)
                VALUES (?, ?, ?, ?, ?, ?)""", delivery.id(), delivery.attempts() + 1, Timestamp.from(result.at()),
                result.durationMs(), result.statusCode(), result.statusCode() == null ? result.error() : null);
    }

    private static boolean update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate() > 0;
        }
    }

    /** The backlog and disabled-subscription gauges. */
    private void measure() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM webhook_deliveries WHERE state = 'PENDING'),
                       (SELECT count(*) FROM webhook_subscriptions WHERE NOT enabled)""");
             ResultSet r = s.executeQuery()) {
            r.next();
            backlog.set(r.getLong(1));
            disabled.set(r.getLong(2));
        }
    }

    /** Finished deliveries older than the log's retention go, with their attempts. */
    @Scheduled(every = "1h", delayed = "1m", identity = "webhook-log-retention")
    void forgetOldDeliveries() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                DELETE FROM webhook_deliveries WHERE state <> 'PENDING' AND finished_at < ?""")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(config.logRetention())));
            int n = s.executeUpdate();
            if (n > 0) {
                LOG.infof("webhook log: %d finished deliveries older than %s forgotten", n, config.logRetention());
            }
        } catch (SQLException e) {
            LOG.warnf("webhook log retention skipped: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }
}
