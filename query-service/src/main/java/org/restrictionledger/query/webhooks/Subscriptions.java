package org.restrictionledger.query.webhooks;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The subscriptions and their delivery logs, in PostgreSQL (the query service's database). */
@ApplicationScoped
public class Subscriptions {

    private static final String COLUMNS = """
            s.id, s.url, s.description, s.countries, s.platforms, s.statuses, s.enabled, s.disabled_reason,
            s.disabled_at, s.consecutive_failures, s.failing_since, s.last_success_at, s.previous_secret_until,
            (SELECT count(*) FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.state = 'PENDING'),
            s.created_at, s.updated_at""";

    private final AgroalDataSource dataSource;
    private final WebhookConfig config;

    Subscriptions(AgroalDataSource dataSource, WebhookConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** A new, enabled subscription; the answer carries its secret, the only time it is shown. */
    public Subscription create(String url, String description, Filter filter) {
        UUID id = UUID.randomUUID();
        String secret = Signatures.newSecret();
        Timestamp now = Timestamp.from(Instant.now());
        run("""
                INSERT INTO webhook_subscriptions (id, url, description, countries, platforms, statuses, secret,
                                                   enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, true, ?, ?)""", (c, s) -> {
            s.setObject(1, id);
            s.setString(2, url);
            s.setString(3, description);
            s.setArray(4, c.createArrayOf("text", filter.countries().toArray()));
            s.setArray(5, c.createArrayOf("text", filter.platforms().toArray()));
            s.setArray(6, c.createArrayOf("text", filter.statuses().toArray()));
            s.setString(7, secret);
            s.setTimestamp(8, now);
            s.setTimestamp(9, now);
            return s.executeUpdate();
        });
        return find(id).orElseThrow().withSecret(secret);
    }

    public List<Subscription> list() {
        return run("SELECT " + COLUMNS + " FROM webhook_subscriptions s ORDER BY s.created_at, s.id",
                (c, s) -> read(s.executeQuery()));
    }

    public Optional<Subscription> find(UUID id) {
        return run("SELECT " + COLUMNS + " FROM webhook_subscriptions s WHERE s.id = ?", (c, s) -> {
            s.setObject(1, id);
            return read(s.executeQuery()).stream().findFirst();
        });
    }

    /** Deletes it with its pending deliveries and its log; false when there was none. */
    public boolean delete(UUID id) {
        return run("DELETE FROM webhook_subscriptions WHERE id = ?", (c, s) -> {
            s.setObject(1, id);
            return s.executeUpdate() == 1;
        });
    }

    /**
     * A new secret; the current one becomes the previous one and keeps signing (a second signature) for the
     * rotation overlap, so a receiver can switch without losing a delivery.
     */
    public Optional<Subscription> rotateSecret(UUID id) {
        String secret = Signatures.newSecret();
        Instant now = Instant.now();
        int updated = run("""
                UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = ?, secret = ?,
                       updated_at = ? WHERE id = ?""", (c, s) -> {
            s.setTimestamp(1, Timestamp.from(now.plus(config.secretRotationOverlap())));
            s.setString(2, secret);
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, id);
            return s.executeUpdate();
        });
        return updated == 0 ? Optional.empty() : find(id).map(sub -> sub.withSecret(secret));
    }

    /** Enabled again, failures forgotten, and its waiting deliveries due now (in order per stream, as always). */
    public Optional<Subscription> enable(UUID id) {
        int updated = transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE webhook_subscriptions SET enabled = true, disabled_reason = NULL, disabled_at = NULL,
                           consecutive_failures = 0, failing_since = NULL, updated_at = now() WHERE id = ?""");
                 PreparedStatement due = c.prepareStatement("""
                         UPDATE webhook_deliveries SET next_attempt_at = now()
                         WHERE subscription_id = ? AND state = 'PENDING'""")) {
                s.setObject(1, id);
                due.setObject(1, id);
                int n = s.executeUpdate();
                due.executeUpdate();
                return n;
            }
        });
        return updated == 0 ? Optional.empty() : find(id);
    }

    /** Stops its deliveries (they wait, and changes keep being recorded for it) until it is enabled again. */
    public Optional<Subscription> disable(UUID id, String reason) {
        int updated = run("""
                UPDATE webhook_subscriptions SET enabled = false, disabled_reason = ?, disabled_at = now(),
                       updated_at = now() WHERE id = ? AND enabled""", (c, s) -> {
            s.setString(1, reason);
            s.setObject(2, id);
            return s.executeUpdate();
        });
        return find(id).filter(sub -> updated == 1 || !sub.enabled());
    }

    /** Its most recent deliveries first, each with every attempt; {@code state} null for all. */
    public List<DeliveryView> deliveries(UUID subscription, String state, int limit) {
        return run("""
                SELECT d.id, d.stream_id, d.stream_version, d.event_id, d.state, d.attempts, d.created_at,
                       d.next_attempt_at, d.finished_at, d.last_status_code, d.last_error,
                       a.attempt, a.attempted_at, a.duration_ms, a.status_code, a.error
                FROM (SELECT * FROM webhook_deliveries WHERE subscription_id = ? AND (CAST(? AS text) IS NULL OR state = ?)
                      ORDER BY created_at DESC, stream_id, stream_version DESC LIMIT ?) d
                LEFT JOIN webhook_attempts a ON a.delivery_id = d.id
                ORDER BY d.created_at DESC, d.stream_id, d.stream_version DESC, a.attempt""", (c, s) -> {
            s.setObject(1, subscription);
            s.setString(2, state);
            s.setString(3, state);
            s.setInt(4, limit);
            Map<UUID, DeliveryView> views = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    DeliveryView view = views.computeIfAbsent(id, k -> {
                        try {
                            return new DeliveryView(id, r.getString(2), r.getLong(3), r.getObject(4, UUID.class),
                                    r.getString(5), r.getInt(6), instant(r, 7), instant(r, 8), instant(r, 9),
                                    (Integer) r.getObject(10), r.getString(11), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (r.getObject(12) != null) {
                        view.attemptLog().add(new DeliveryView.Attempt(r.getInt(12), instant(r, 13), r.getLong(14),
                                (Integer) r.getObject(15), r.getString(16)));
                    }
                }
            }
            return views.values().stream().map(v -> new DeliveryView(v.id(), v.stream(), v.streamVersion(),
                    v.eventId(), v.state(), v.attempts(), v.createdAt(), v.nextAttemptAt(), v.finishedAt(),
                    v.lastStatusCode(), v.lastError(), List.copyOf(v.attemptLog()))).toList();
        });
    }

    private static List<Subscription> read(ResultSet r) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (r) {
            while (r.next()) {
                out.add(new Subscription(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                        WebhookOutbox.strings(r.getArray(4)), WebhookOutbox.strings(r.getArray(5)),
                        WebhookOutbox.strings(r.getArray(6)), r.getBoolean(7), r.getString(8), instant(r, 9),
                        r.getInt(10), instant(r, 11), instant(r, 12), instant(r, 13), r.getLong(14), instant(r, 15),
                        instant(r, 16), null));
            }
        }
        return out;
    }

    static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    interface Work<T> {
        T apply(Connection c, PreparedStatement s) throws SQLException;
    }

    interface TransactionWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T run(String sql, Work<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            return work.apply(c, s);
        } catch (SQLException e) {
            throw new IllegalStateException("webhook subscriptions: " + e.getMessage(), e);
        }
    }

    private <T> T transaction(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook subscriptions: " + e.getMessage(), e);
        }
    }
}
