package org.restrictionledger.events;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamFold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The incremental fold gives, after every event, exactly what folding the whole history gives. */
class StreamFoldTest {

    @Test
    void afterEveryEventTheStatusIsTheFoldOfAllSoFar() {
        Random random = new Random(2026);
        for (int run = 0; run < 2_000; run++) {
            List<RecordedEvent> events = StatusFoldPropertiesTest.sequence(random);
            if (run % 2 == 0) {
                // In valid-time order, as most streams grow: the path that applies one fact at a time.
                events.sort(Comparator.comparing((RecordedEvent e) -> e.event().effective()));
            }
            StreamFold fold = run % 3 == 0 ? StreamFold.of(events.get(0).stream(), events.subList(0, 1))
                    : new StreamFold(events.get(0).stream());
            List<RecordedEvent> sofar = new ArrayList<>();
            for (RecordedEvent event : events) {
                fold.add(event);
                sofar.add(event);
                if (random.nextInt(4) == 0) {
                    fold.add(sofar.get(random.nextInt(sofar.size())));
                }
                assertEquals(StatusFold.fold(event.stream(), sofar), fold.status(), () -> "after " + sofar);
            }
        }
    }

    @Test
    void aHistoryReadFromAStoreFoldsLikeTheEventsOneByOne() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            List<RecordedEvent> events = StatusFoldPropertiesTest.sequence(random);
            assertEquals(StatusFold.fold(events.get(0).stream(), events), StreamFold.of(events.get(0).stream(), events).status());
        }
    }

    @Test
    void aFoldBackedByAStoreReadsWhatItNoLongerKeepsFromThere() {
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            List<RecordedEvent> events = StatusFoldPropertiesTest.sequence(random);
            if (run % 2 == 0) {
                events.sort(Comparator.comparing((RecordedEvent e) -> e.event().effective()));
            }
            List<RecordedEvent> stored = new ArrayList<>();
            int[] reads = {0};
            int preloaded = random.nextInt(events.size());
            stored.addAll(events.subList(0, preloaded));
            StreamFold fold = StreamFold.backedBy(events.get(0).stream(),
                    stored.stream().mapToLong(RecordedEvent::streamVersion).max().orElse(0),
                    () -> {
                        reads[0]++;
                        return List.copyOf(stored);
                    });
            List<RecordedEvent> sofar = new ArrayList<>(stored);
            List<RecordedEvent> pending = new ArrayList<>();
            for (RecordedEvent event : events.subList(preloaded, events.size())) {
                fold.add(event);
                sofar.add(event);
                pending.add(event);
                assertEquals(StatusFold.fold(event.stream(), sofar), fold.status(), () -> "after " + sofar);
                if (random.nextBoolean()) {
                    stored.addAll(pending);
                    pending.clear();
                    fold.committed();
                }
            }
        }
    }

    @Test
    void aFoldBackedByAStoreReadsItOnlyToFoldAgain() {
        Random random = new Random(3);
        List<RecordedEvent> events = new ArrayList<>();
        while (events.stream().noneMatch(e -> e.event() instanceof RestrictionImposed)) {
            events = StatusFoldPropertiesTest.sequence(random).stream()
                    .filter(e -> e.event() instanceof RestrictionImposed).toList();
        }
        events = new ArrayList<>(events);
        events.sort(Comparator.comparing((RecordedEvent e) -> e.event().effective()));
        int[] reads = {0};
        StreamFold fold = StreamFold.backedBy(events.get(0).stream(), 0, () -> {
            reads[0]++;
            return List.of();
        });
        for (RecordedEvent event : events) {
            fold.add(event);
            fold.status();
            fold.committed();
        }
        assertEquals(0, reads[0], "events in valid-time order are applied one by one, the store never read");
    }
}
