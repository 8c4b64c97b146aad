package org.restrictionledger.ledger.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.status.StreamFold;
import org.restrictionledger.ledger.config.StreamCacheConfig;
import org.restrictionledger.ledger.domain.RecordedFacts;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heads of recently decided streams, so that deciding a command costs no reload of its stream and no refold of
 * its status: each stream's history and its {@link StreamFold}.
 * <p>
 * A batch {@link #take takes} the streams it decides out of the cache and {@link #put puts} them back once its
 * transaction has committed, so a batch that rolls back leaves nothing it changed behind. A cached stream is used only
 * while its last event is the stream's stored head (version and hash): another instance's write (after a partition
 * moved) makes it stale, and the stream is read again. The least recently used streams beyond
 * {@code ledger.stream-cache.max-streams}, or beyond {@code ledger.stream-cache.max-events} events in all, are forgotten
 * (a stream longer than that alone is not kept).
 */
@ApplicationScoped
public class StreamCache {

    /**
     * A stream as the ledger decides it: its history from version 1 (mutable), its status kept with it, and the index
     * of the facts it records (duplicates are judged by it).
     */
    public record Cached(List<RecordedEvent> history, StreamFold fold, RecordedFacts facts) {
        public Cached(List<RecordedEvent> history, StreamFold fold) {
            this(history, fold, new RecordedFacts());
        }
    }

    /** In access order: the least recently used first. */
    private final Map<String, Cached> streams = new LinkedHashMap<>(1024, 0.75f, true);
    private final int maxStreams;
    private final long maxEvents;
    /** The events of every history in the cache. */
    private long events;

    StreamCache(StreamCacheConfig config) {
        this.maxStreams = config.maxStreams();
        this.maxEvents = config.maxEvents();
    }

    /**
     * Takes the stream out of the cache.
     *
     * @param stored the stream's stored head (null: the stream has no event)
     * @return the cached stream when it ends at {@code stored}, else null
     */
    public synchronized Cached take(String stream, Ledger.Head stored) {
        Cached cached = streams.remove(stream);
        if (cached == null) {
            return null;
        }
        events -= cached.history().size();
        List<RecordedEvent> history = cached.history();
        if (stored == null) {
            return history.isEmpty() ? cached : null;
        }
        RecordedEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
        return last != null && last.streamVersion() == stored.version() && stored.hash().equals(last.hash()) ? cached : null;
    }

    /** Called once the transaction that wrote the stream's last events has committed. */
    public synchronized void put(String stream, Cached cached) {
        Cached replaced = streams.put(stream, cached);
        events += cached.history().size() - (replaced == null ? 0 : replaced.history().size());
        Iterator<Cached> eldest = streams.values().iterator();
        while (eldest.hasNext() && (streams.size() > maxStreams || events > maxEvents)) {
            events -= eldest.next().history().size();
            eldest.remove();
        }
    }
}
