package org.restrictionledger.ledger.store;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.status.StreamFold;
import org.restrictionledger.ledger.config.StreamCacheConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class StreamCacheTest {

    private static StreamCache cache(int maxStreams, long maxEvents) {
        return new StreamCache(new StreamCacheConfig() {
            @Override
            public int maxStreams() {
                return maxStreams;
            }

            @Override
            public long maxEvents() {
                return maxEvents;
            }
        });
    }

    private static StreamCache.Cached stream(String platform, int events) {
        StreamId id = new StreamId("RU", platform);
        List<RecordedEvent> history = new ArrayList<>();
        String prev = EventHashing.GENESIS;
        for (int v = 1; v <= events; v++) {
            RecordedEvent e = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), id, v, v, Instant.EPOCH, UUID.randomUUID(),
                    prev, null, new RestrictionImposed(Measure.THROTTLING, List.of(), "A", null, null,
                    Effective.day(LocalDate.of(2020, 1, 1).plusDays(v)), List.of(new Source(null, "Gazette", null)))));
            history.add(e);
            prev = e.hash();
        }
        return new StreamCache.Cached(history, StreamFold.of(id, history));
    }

    private static Ledger.Head head(StreamCache.Cached cached) {
        RecordedEvent last = cached.history().get(cached.history().size() - 1);
        return new Ledger.Head(last.streamVersion(), last.hash());
    }

    @Test
    void theLeastRecentlyUsedStreamsGoWhenTheEventsInAllPassTheBound() {
        StreamCache cache = cache(100, 10);
        StreamCache.Cached a = stream("a", 4);
        StreamCache.Cached b = stream("b", 4);
        StreamCache.Cached c = stream("c", 4);
        cache.put("a", a);
        cache.put("b", b);
        cache.put("c", c);
        assertNull(cache.take("a", head(a)), "12 events in all: the eldest stream went");
        assertNotNull(cache.take("b", head(b)));
        assertNotNull(cache.take("c", head(c)));
    }

    @Test
    void aStreamLongerThanTheBoundAloneIsNotKept() {
        StreamCache cache = cache(100, 10);
        StreamCache.Cached longer = stream("long", 11);
        cache.put("long", longer);
        assertNull(cache.take("long", head(longer)));
        StreamCache.Cached shorter = stream("short", 10);
        cache.put("short", shorter);
        assertNotNull(cache.take("short", head(shorter)));
    }

    @Test
    void aTakenStreamNoLongerCountsAndAStaleOneIsNotGiven() {
        StreamCache cache = cache(100, 8);
        StreamCache.Cached a = stream("a", 8);
        cache.put("a", a);
        assertNull(cache.take("a", new Ledger.Head(8, "another hash")), "another instance wrote the stream meanwhile");
        StreamCache.Cached b = stream("b", 8);
        cache.put("b", b);
        assertNotNull(cache.take("b", head(b)), "the stale stream's events no longer count");
    }
}
