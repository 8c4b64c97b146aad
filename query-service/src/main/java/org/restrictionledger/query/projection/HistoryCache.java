package org.restrictionledger.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.RecordedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projected histories of recently changed streams, so that projecting an event costs no re-read of its stream.
 * A cached history is used only while its last version is the stream's projected version (another instance's
 * write, a rebuild, or a rolled-back transaction make it stale, and the history is read again). The least recently
 * used streams beyond {@code query.projection.history-cache.max-streams} are forgotten.
 */
@ApplicationScoped
public class HistoryCache {

    private final Map<String, List<RecordedEvent>> histories;

    HistoryCache(ProjectionConfig config) {
        int maxStreams = config.historyCache().maxStreams();
        this.histories = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<RecordedEvent>> eldest) {
                return size() > maxStreams;
            }
        };
    }

    /** The cached history when it ends at {@code version}, else null. */
    public synchronized List<RecordedEvent> get(String stream, long version) {
        List<RecordedEvent> history = histories.get(stream);
        long last = history == null || history.isEmpty() ? 0 : history.get(history.size() - 1).streamVersion();
        return history != null && last == version ? history : null;
    }

    public synchronized void put(String stream, List<RecordedEvent> history) {
        histories.put(stream, List.copyOf(history));
    }

    /** Forgets everything: the tables were swapped by a rebuild. */
    public synchronized void clear() {
        histories.clear();
    }
}
