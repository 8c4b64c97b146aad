package org.restrictionledger.query.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StreamStatus;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Records the deliveries a projected status change owes to the subscriptions it matches, in the projection's own
 * transaction (a transactional outbox): when the change commits, so do its deliveries, and a crash loses neither.
 * Disabled subscriptions get their deliveries too; they wait until the subscription is enabled again.
 */
@ApplicationScoped
public class WebhookOutbox {

    /** The payload's {@code type} (Standard Webhooks' event type). */
    public static final String TYPE = "status.changed";

    /** A stream's status right after an event. */
    public record Change(StreamStatus status, RecordedEvent event) {
    }

    private record Target(UUID id, Filter filter) {
    }

    /** Queues the deliveries of these changes, on the transaction's connection; nothing when no subscription matches. */
    public void enqueue(EntityManager em, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            List<Target> targets = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, countries, platforms, statuses FROM webhook_subscriptions");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    targets.add(new Target(rows.getObject(1, UUID.class), new Filter(
                            strings(rows.getArray(2)), strings(rows.getArray(3)), strings(rows.getArray(4)))));
                }
            }
            if (targets.isEmpty()) {
                return;
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO webhook_deliveries (id, subscription_id, stream_id, stream_version, event_id, payload,
                                                    state, created_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT (subscription_id, event_id) DO NOTHING""")) {
                int queued = 0;
                for (Change change : changes) {
                    String payload = null;
                    for (Target target : targets) {
                        if (!target.filter().matches(change.status())) {
                            continue;
                        }
                        if (payload == null) {
                            payload = payload(change);
                        }
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, target.id());
                        insert.setString(3, change.status().stream().toString());
                        insert.setLong(4, change.event().streamVersion());
                        insert.setObject(5, change.event().eventId());
                        insert.setString(6, payload);
                        insert.setTimestamp(7, now);
                        insert.setTimestamp(8, now);
                        insert.addBatch();
                        queued++;
                    }
                }
                if (queued > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /**
     * The body every subscriber gets: {@code type}, {@code timestamp} (when the ledger recorded the event) and
     * {@code data}, the status document of {@code restrictions.status.v1} ({@code status.v1.json}: the query API's
     * detail, with the stream {@code version} and the {@code eventId} that caused it).
     */
    static String payload(Change change) {
        ObjectNode data = Json.mapper().valueToTree(change.status());
        data.put("eventId", change.event().eventId().toString());
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", TYPE);
        body.put("timestamp", change.event().recordedAt().toString());
        body.set("data", data);
        return Json.write(body);
    }

    static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
