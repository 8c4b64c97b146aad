package org.restrictionledger.ledger.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.restrictionledger.events.RecordedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The histories of recently decided streams, so that deciding a command costs no reload of its stream. A cached
 * history is used only while its last event is the stream's stored head (version and hash): another instance's write
 * (after a partition moved), or a transaction that rolled back, makes it stale, and the history is read again. The
 * least recently used streams beyond {@code ledger.stream-cache.max-streams} are forgotten.
 */
@ApplicationScoped
public class StreamCache {

    private final Map<String, List<RecordedEvent>> histories;

    StreamCache(@ConfigProperty(name = "ledger.stream-cache.max-streams") int maxStreams) {
        this.histories = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<RecordedEvent>> eldest) {
                return size() > maxStreams;
            }
        };
    }

    /** The cached history when it ends at {@code head} (null: the stream has no event), else null. */
    public synchronized List<RecordedEvent> get(String stream, Ledger.Head head) {
        List<RecordedEvent> history = histories.get(stream);
        if (history == null) {
            return null;
        }
        if (head == null) {
            return history.isEmpty() ? history : null;
        }
        RecordedEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
        return last != null && last.streamVersion() == head.version() && head.hash().equals(last.hash()) ? history : null;
    }

    /** Called once the transaction that wrote the history's last events has committed. */
    public synchronized void put(String stream, List<RecordedEvent> history) {
        histories.put(stream, List.copyOf(history));
    }
}
