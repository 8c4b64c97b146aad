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

    /**
     * The stream's event documents exactly as stored, in stream-version order: what {@code /verify} hashes and what
     * the stream endpoint shows, members this version does not know included.
     */
    public List<String> storedDocuments(StreamId stream) {
        return StoredEvent.<StoredEvent>list("streamId", Sort.by("streamVersion"), stream.toString()).stream()
                .map(e -> e.data)
                .toList();
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
