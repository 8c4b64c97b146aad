package org.restrictionledger.query.read;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.status.Fine;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.restrictionledger.query.read.Recorded.SOURCES;
import static org.restrictionledger.query.read.Recorded.day;

/**
 * The read side's beans against the real projection (events published to the real topic, projected into the real
 * PostgreSQL read model), called directly, without HTTP: the timeline with its corrections and cursors, the stats,
 * the fines, the country summaries and read-your-writes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ReadSideTest {

    @Inject
    Timeline timeline;
    @Inject
    Statistics statistics;
    @Inject
    FineReader fines;
    @Inject
    CountrySummaries summaries;
    @Inject
    ReadModel readModel;

    private final TestEvents events = new TestEvents();

    private static RestrictionImposed imposed(Measure measure, Effective on, String reason) {
        return new RestrictionImposed(measure, List.of(), "Roskomnadzor", LegalBasis.OTHER, reason, on, SOURCES);
    }

    @Test
    void theTimelinePlacesCorrectionsAndPagesByCursor() {
        RecordedEvent block = events.publish("whatsapp", imposed(Measure.FULL_BLOCK, day(2026, 2, 12), "law"));
        RecordedEvent fine = events.publish("whatsapp", new FineImposed(new BigDecimal("3000000.00"), "RUB", "Court",
                null, "fine reason", day(2025, 6, 1), SOURCES));
        RecordedEvent retraction = events.publish("whatsapp", new RecordCorrected(block.eventId(),
                RecordCorrected.Action.RETRACT, null, "misreported", day(2026, 11, 1), SOURCES));
        RecordedEvent throttle = events.publish("vk", imposed(Measure.THROTTLING, day(2024, 3, 1), null));
        events.awaitVersion("whatsapp", 3);
        events.awaitVersion("vk", 1);

        Timeline.Page page = timeline.page(Timeline.Filter.of(events.country), 100);
        assertEquals(List.of(throttle.eventId(), fine.eventId(), block.eventId(), retraction.eventId()),
                page.items().stream().map(Timeline.Entry::eventId).toList());
        assertNull(page.nextCursor());
        Timeline.Entry blocked = page.items().get(2);
        assertEquals(retraction.eventId(), blocked.correctedBy().eventId());
        assertEquals(RecordCorrected.Action.RETRACT, blocked.correctedBy().action());
        assertEquals("misreported", blocked.correctedBy().reason());
        Timeline.Entry correction = page.items().get(3);
        assertEquals(block.event().effective(), correction.effective(), "a correction stands at what it corrects");
        assertEquals(day(2026, 11, 1), correction.event().effective());
        assertEquals("whatsapp", correction.platform());
        assertNull(page.items().get(0).correctedBy());

        // Two at a time: the cursor continues exactly after the last entry.
        Timeline.Page first = timeline.page(Timeline.Filter.of(events.country), 2);
        assertEquals(List.of(throttle.eventId(), fine.eventId()), first.items().stream().map(Timeline.Entry::eventId).toList());
        Timeline.Page second = timeline.page(new Timeline.Filter(events.country, null, null, null, null,
                Timeline.Cursor.decode(first.nextCursor())), 2);
        assertEquals(List.of(block.eventId(), retraction.eventId()),
                second.items().stream().map(Timeline.Entry::eventId).toList());
        assertNull(second.nextCursor());

        // Filters: one platform, a date range (the correction's position is its target's), one type.
        assertEquals(List.of(block.eventId(), retraction.eventId()), ids(timeline.page(new Timeline.Filter(events.country,
                "whatsapp", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 12), null, null), 10)));
        assertEquals(List.of(retraction.eventId()), ids(timeline.page(new Timeline.Filter(events.country, null, null,
                null, RecordCorrected.TYPE, null), 10)));

        // The export reads the same rows, with the reasons of the events themselves.
        List<Timeline.Row> rows = new ArrayList<>();
        timeline.each(Timeline.Filter.of(events.country), rows::add);
        assertEquals(ids(page), rows.stream().map(r -> r.recorded().eventId()).toList());
        assertEquals(retraction.eventId(), rows.get(2).correctedBy());
        assertEquals(block.event().effective(), rows.get(3).placed());
        assertEquals(List.of("", "fine reason", "law", "misreported"),
                rows.stream().map(r -> EventFields.reason(r.recorded().event())).map(r -> r == null ? "" : r).toList());
    }

    @Test
    void statsFinesAndSummariesReadTheProjection() {
        RecordedEvent paid = events.publish("telegram", new FineImposed(new BigDecimal("10.00"), "EUR", "Court", null,
                null, day(2025, 1, 10), SOURCES));
        events.publish("telegram", new FineImposed(new BigDecimal("2.50"), "EUR", "Court", null, null,
                day(2025, 2, 10), SOURCES));
        events.publish("telegram", new FinePaid(paid.eventId(), null, null, day(2025, 3, 1), SOURCES));
        events.publish("telegram", imposed(Measure.THROTTLING, day(2025, 4, 1), null));
        events.publish("signal", imposed(Measure.FULL_BLOCK, day(2026, 1, 1), null));
        events.awaitVersion("telegram", 4);
        events.awaitVersion("signal", 1);

        Statistics.Stats stats = statistics.stats(Statistics.GroupBy.YEAR, events.country, null);
        assertEquals(List.of(new Statistics.Period("2025", 1, 0, 0), new Statistics.Period("2026", 1, 0, 0)),
                stats.periods());

        List<FineReader.FineEntry> all = fines.matching(new FineReader.Filter(events.country, null, null, null, null));
        assertEquals(2, all.size());
        List<FineReader.FineEntry> outstanding = fines.matching(new FineReader.Filter(events.country, "telegram",
                LocalDate.of(2025, 2, 1), null, Fine.State.OUTSTANDING));
        assertEquals(1, outstanding.size());
        assertEquals(new Money("EUR", new BigDecimal("2.50")), outstanding.get(0).amount());
        assertEquals(List.of(), fines.matching(new FineReader.Filter(events.country, "signal", null, null, null)));

        CountrySummaries.CountrySummary summary = summaries.now().stream()
                .filter(s -> s.country().equals(events.country)).findFirst().orElseThrow();
        assertEquals(2, summary.platforms());
        assertEquals(1, summary.byStatus().get(Status.BLOCKED));
        assertEquals(1, summary.byStatus().get(Status.THROTTLED));
        assertEquals(2, summary.fines());
        assertEquals(List.of(new Money("EUR", new BigDecimal("12.50"))), summary.fineTotals());
        assertNotNull(summary.lastChange());
    }

    @Test
    void readYourWritesWaitsForTheVersionOrGivesUp() {
        events.publish("line", imposed(Measure.THROTTLING, day(2025, 5, 1), null));
        assertTrue(readModel.awaitVersion(events.stream("line"), 1, Duration.ofSeconds(30)));
        assertEquals(1, readModel.version(events.stream("line")));
        long started = System.nanoTime();
        assertFalse(readModel.awaitVersion(events.stream("line"), 2, Duration.ofMillis(300)));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(300)) >= 0);
        assertEquals(0, readModel.version(events.stream("never-recorded-" + UUID.randomUUID().toString().substring(0, 8))));
    }

    private static List<UUID> ids(Timeline.Page page) {
        return page.items().stream().map(Timeline.Entry::eventId).toList();
    }
}
