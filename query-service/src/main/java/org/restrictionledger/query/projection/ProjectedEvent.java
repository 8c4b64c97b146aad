package org.restrictionledger.query.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String data;

    static ProjectedEvent of(RecordedEvent event) {
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
        row.data = Json.write(event);
        return row;
    }

    public RecordedEvent toRecordedEvent() {
        return Json.read(data, RecordedEvent.class);
    }

    public static List<RecordedEvent> ofStream(StreamId stream) {
        return ProjectedEvent.<ProjectedEvent>list("streamId", Sort.by("streamVersion"), stream.toString()).stream()
                .map(ProjectedEvent::toRecordedEvent).toList();
    }

    /** The country's events in effect on or before {@code asOf} (valid time). */
    public static List<RecordedEvent> ofCountry(String country, LocalDate asOf) {
        return ProjectedEvent.<ProjectedEvent>list("country = ?1 AND effectiveDate <= ?2",
                        Sort.by("streamId").and("streamVersion"), country, asOf).stream()
                .map(ProjectedEvent::toRecordedEvent).toList();
    }
}
