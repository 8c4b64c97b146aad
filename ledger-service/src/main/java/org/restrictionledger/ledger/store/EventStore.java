package org.restrictionledger.ledger.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and appends events. There is no update and no delete: the table refuses both. */
@ApplicationScoped
public class EventStore {

    private final EntityManager em;

    EventStore(EntityManager em) {
        this.em = em;
    }

    /** The stream's events in stream-version order. */
    public List<RecordedEvent> stream(StreamId stream) {
        return StoredEvent.<StoredEvent>list("streamId", Sort.by("streamVersion"), stream.toString()).stream()
                .map(StoredEvent::toRecordedEvent)
                .toList();
    }

    /** The stream's current version: 0 before its first event. */
    public long versionOf(StreamId stream) {
        Number version = (Number) em.createNativeQuery(
                        "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?1")
                .setParameter(1, stream.toString()).getSingleResult();
        return version.longValue();
    }

    /** The stream an event belongs to, anywhere in the ledger. */
    public Optional<StreamId> streamOf(UUID eventId) {
        return StoredEvent.<StoredEvent>find("eventId", eventId).firstResultOptional().map(e -> StreamId.parse(e.streamId));
    }

    /** The next ledger-wide position, taken before the event is hashed (the hash covers it). */
    public long nextPosition() {
        return ((Number) em.createNativeQuery("SELECT nextval('event_position_seq')").getSingleResult()).longValue();
    }

    public void append(RecordedEvent event) {
        em.persist(StoredEvent.of(event));
    }
}
