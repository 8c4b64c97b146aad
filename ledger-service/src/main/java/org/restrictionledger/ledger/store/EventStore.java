package org.restrictionledger.ledger.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.checkpoint.StreamHead;

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

    /**
     * The stream's event documents exactly as stored, in stream-version order: what {@code /verify} hashes and what
     * the stream endpoint shows, members this version does not know included.
     */
    public List<String> storedDocuments(StreamId stream) {
        return StoredEvent.<StoredEvent>list("streamId", Sort.by("streamVersion"), stream.toString()).stream()
                .map(e -> e.data)
                .toList();
    }

    /** Every stream's last event (version and hash), by stream id: what a checkpoint signs. */
    public List<StreamHead> heads() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash "
                + "FROM events ORDER BY stream_id, stream_version DESC").getResultList();
        return rows.stream()
                .map(r -> new StreamHead((String) r[0], ((Number) r[1]).longValue(), ((String) r[2]).trim()))
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
