package org.restrictionledger.query.read;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stream's recorded events built in memory, versions in order, for the read side's pure tests. */
final class Recorded {

    static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final StreamId stream;
    private final List<RecordedEvent> events = new ArrayList<>();
    private Instant clock;

    Recorded(String stream, Instant start) {
        this.stream = StreamId.parse(stream);
        this.clock = start;
    }

    static Effective day(int year, int month, int day) {
        return Effective.day(LocalDate.of(year, month, day));
    }

    RecordedEvent add(LedgerEvent event) {
        clock = clock.plusSeconds(60);
        RecordedEvent recorded = new RecordedEvent(UUID.randomUUID(), stream, events.size() + 1, events.size() + 1,
                clock, UUID.randomUUID(), null, null, event);
        events.add(recorded);
        return recorded;
    }

    List<RecordedEvent> events() {
        return List.copyOf(events);
    }

    StreamId stream() {
        return stream;
    }
}
