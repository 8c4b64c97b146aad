package org.restrictionledger.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.status.StreamFold;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statuses of recently changed streams, each kept as it grows ({@link StreamFold}, backed by the projected events),
 * so that projecting an event costs no re-read of its stream and no refold of its status, and a long stream costs
 * the cache its status, not its history.
 * <p>
 * A batch {@link #take takes} the streams it projects out of the cache and {@link #put puts} them back once its
 * transaction has committed, so a batch that rolls back leaves nothing it changed behind. A cached stream is used
 * only while its last version is the stream's projected version (another instance's write or a rebuild make it
 * stale, and the history is read again). The least recently used streams beyond
 * {@code query.projection.history-cache.max-streams} are forgotten.
 */
@ApplicationScoped
public class HistoryCache {

    private final Map<String, StreamFold> streams;

    HistoryCache(ProjectionConfig config) {
        int maxStreams = config.historyCache().maxStreams();
        this.streams = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StreamFold> eldest) {
                return size() > maxStreams;
            }
        };
    }

    /** Takes the stream out of the cache: its fold when it ends at {@code version}, else null. */
    public synchronized StreamFold take(String stream, long version) {
        StreamFold fold = streams.remove(stream);
        return fold != null && fold.lastVersion() == version ? fold : null;
    }

    /** Called once the transaction that projected the stream's last events has committed. */
    public synchronized void put(String stream, StreamFold fold) {
        streams.put(stream, fold);
    }
}
