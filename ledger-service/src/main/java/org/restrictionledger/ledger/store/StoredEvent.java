package org.restrictionledger.ledger.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.json.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the append-only event store. {@code data} is the {@link RecordedEvent} as published. */
@Entity
@Immutable
@Table(name = "events")
public class StoredEvent extends PanacheEntityBase {

    @Id
    public long position;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "stream_id", nullable = false)
    public String streamId;

    @Column(name = "stream_version", nullable = false)
    public long streamVersion;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "command_id", nullable = false)
    public UUID commandId;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String data;

    static StoredEvent of(RecordedEvent event) {
        StoredEvent row = new StoredEvent();
        row.position = event.position();
        row.eventId = event.eventId();
        row.streamId = event.stream().toString();
        row.streamVersion = event.streamVersion();
        row.eventType = event.event().type();
        row.effectiveDate = event.event().effective().date();
        row.recordedAt = event.recordedAt();
        row.commandId = event.commandId();
        row.prevHash = event.prevHash();
        row.hash = event.hash();
        row.data = Json.write(event);
        return row;
    }

    public RecordedEvent toRecordedEvent() {
        return Json.read(data, RecordedEvent.class);
    }
}
