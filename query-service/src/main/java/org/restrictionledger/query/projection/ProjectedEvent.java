package org.restrictionledger.query.projection;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.json.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An event as the query side received it. Its id is the projection's idempotency checkpoint. */
@Entity
@Table(name = "projected_events")
public class ProjectedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "stream_id", nullable = false)
    public String streamId;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String platform;

    @Column(name = "stream_version", nullable = false)
    public long streamVersion;

    @Column(nullable = false)
    public long position;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** Where the event sits in valid time: its effective date; for a correction, that of the event it corrects. */
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String data;

    /** For a {@code record.corrected}: the event it corrects. */
    @Column(name = "target_event_id")
    public UUID targetEventId;

    static ProjectedEvent of(RecordedEvent event) {
        return of(event, null);
    }

    /** @param data the event's JSON as received, kept as is; null to write it from the event */
    static ProjectedEvent of(RecordedEvent event, String data) {
        ProjectedEvent row = new ProjectedEvent();
        row.eventId = event.eventId();
        row.streamId = event.stream().toString();
        row.country = event.stream().country();
        row.platform = event.stream().platform();
        row.streamVersion = event.streamVersion();
        row.position = event.position();
        row.eventType = event.event().type();
        row.effectiveDate = event.event().effective().date();
        row.recordedAt = event.recordedAt();
        row.data = data != null ? data : Json.write(event);
        row.targetEventId = event.event() instanceof RecordCorrected c ? c.targetEventId() : null;
        return row;
    }

    /** Inserts the rows into the live table in one JDBC batch. */
    static void insertAll(EntityManager em, List<ProjectedEvent> rows) {
        em.unwrap(Session.class).doWork(c -> insert(c, "projected_events", rows, false));
    }

    /**
     * Inserts the rows into {@code table} (the live table, or a rebuild's shadow of it) in one JDBC batch.
     *
     * @param skipKnown whether an event id already in the table is passed over (a rebuild reading a record twice)
     */
    static void insert(Connection c, String table, List<ProjectedEvent> rows, boolean skipKnown) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // A correction sits in valid time where the event it corrects does (it was projected before it: same stream,
        // earlier version, an earlier statement of this batch at the latest), not on the day it was reported.
        try (PreparedStatement insert = c.prepareStatement("""
                 INSERT INTO %1$s
                 (event_id, stream_id, country, platform, stream_version, position, event_type, effective_date,
                  recorded_at, data, target_event_id)
                 VALUES (?, ?, ?, ?, ?, ?, ?,
                         COALESCE((SELECT t.effective_date FROM %1$s t WHERE t.event_id = ?), ?),
                         ?, CAST(? AS jsonb), ?)""".formatted(table) + (skipKnown ? " ON CONFLICT DO NOTHING" : ""))) {
            for (ProjectedEvent row : rows) {
                insert.setObject(1, row.eventId);
                insert.setString(2, row.streamId);
                insert.setString(3, row.country);
                insert.setString(4, row.platform);
                insert.setLong(5, row.streamVersion);
                insert.setLong(6, row.position);
                insert.setString(7, row.eventType);
                insert.setObject(8, row.targetEventId);
                insert.setObject(9, row.effectiveDate);
                insert.setTimestamp(10, Timestamp.from(row.recordedAt));
                insert.setString(11, row.data);
                insert.setObject(12, row.targetEventId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public RecordedEvent toRecordedEvent() {
        return Json.read(data, RecordedEvent.class);
    }

    public static List<RecordedEvent> ofStream(StreamId stream) {
        return ProjectedEvent.<ProjectedEvent>list("streamId", Sort.by("streamVersion"), stream.toString()).stream()
                .map(ProjectedEvent::toRecordedEvent).toList();
    }

    /** All the country's events, stream by stream in version order. */
    public static List<RecordedEvent> ofCountry(String country) {
        return ProjectedEvent.<ProjectedEvent>list("country", Sort.by("streamId").and("streamVersion"), country).stream()
                .map(ProjectedEvent::toRecordedEvent).toList();
    }
}
