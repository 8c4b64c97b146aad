package org.restrictionledger.query.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.restrictionledger.events.status.StreamStatus;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stream's status after one projected event; {@code seq} orders all changes (SSE ids, ETags). Whoever appends to
 * the log takes {@link #APPEND_LOCK} first, in the appending transaction: sequence numbers are then handed out in
 * commit order, so a reader that has seen change n never later finds one below n (a bigserial alone does not promise
 * that: a transaction that took n may commit after one that took n + 1).
 */
@Entity
@Table(name = "status_changes")
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "stream_id", nullable = false)
    public String streamId;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String platform;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    static StatusChange of(StreamStatus status, UUID eventId, Instant at) {
        StatusChange change = new StatusChange();
        change.streamId = status.stream().toString();
        change.country = status.stream().country();
        change.platform = status.stream().platform();
        change.status = status.status().name();
        change.version = status.version();
        change.eventId = eventId;
        change.changedAt = at;
        return change;
    }

    /** The transaction-scoped advisory lock of appends to the log (outside the int4 range that stream locks use). */
    public static final long APPEND_LOCK = 0x5354_4154_5553_4c4fL;

    /** The statement that takes {@link #APPEND_LOCK}; it is held until the transaction ends. */
    public static final String LOCK_FOR_APPEND = "SELECT count(pg_advisory_xact_lock(" + APPEND_LOCK + "))";

    /** Inserts the changes in one JDBC batch, in order (their sequence numbers follow it), under the append lock. */
    static void insertAll(EntityManager em, List<StatusChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.createNativeQuery(LOCK_FOR_APPEND).getSingleResult();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO status_changes (stream_id, country, platform, status, version, event_id, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (StatusChange change : changes) {
                    insert.setString(1, change.streamId);
                    insert.setString(2, change.country);
                    insert.setString(3, change.platform);
                    insert.setString(4, change.status);
                    insert.setLong(5, change.version);
                    insert.setObject(6, change.eventId);
                    insert.setTimestamp(7, Timestamp.from(change.changedAt));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
