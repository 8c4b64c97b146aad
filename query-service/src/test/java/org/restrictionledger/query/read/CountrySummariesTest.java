package org.restrictionledger.query.read;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.restrictionledger.query.read.Recorded.SOURCES;
import static org.restrictionledger.query.read.Recorded.day;

/** A country at a glance from its platforms' statuses, as the world list and the world page show it. */
class CountrySummariesTest {

    private static StreamStatus status(Recorded stream) {
        return StatusFold.fold(stream.stream(), stream.events());
    }

    @Test
    void summarisesEachCountryFromItsPlatforms() {
        Recorded whatsapp = new Recorded("RU/whatsapp", Instant.parse("2026-02-01T00:00:00Z"));
        whatsapp.add(new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Roskomnadzor", null, null,
                day(2026, 2, 1), SOURCES));
        RecordedEvent fine = whatsapp.add(new FineImposed(new BigDecimal("3000000.00"), "RUB", "Court", null, null,
                day(2025, 6, 1), SOURCES));
        whatsapp.add(new FineImposed(new BigDecimal("1.50"), "RUB", "Court", null, null, day(2025, 7, 1), SOURCES));
        whatsapp.add(new FineImposed(new BigDecimal("2.00"), "EUR", "Court", null, null, day(2025, 8, 1), SOURCES));
        RecordedEvent annulled = whatsapp.add(new FineImposed(new BigDecimal("99.00"), "RUB", "Court", null, null,
                day(2025, 9, 1), SOURCES));
        whatsapp.add(new FineAnnulled(annulled.eventId(), "Court", null, day(2025, 10, 1), SOURCES));
        Recorded max = new Recorded("RU/max", Instant.parse("2026-03-01T00:00:00Z"));
        RecordedEvent latest = max.add(new AlternativePromoted(List.of("whatsapp"), List.of(), "State", null,
                day(2026, 2, 1), SOURCES));
        Recorded vk = new Recorded("BY/vk", Instant.parse("2026-01-01T00:00:00Z"));
        vk.add(new RestrictionImposed(Measure.THROTTLING, List.of(), null, null, null, day(2026, 1, 1), SOURCES));

        List<CountrySummaries.CountrySummary> summaries = CountrySummaries.byCountry(
                List.of(status(whatsapp), status(max), status(vk)));

        assertEquals(List.of("BY", "RU"), summaries.stream().map(CountrySummaries.CountrySummary::country).toList());
        CountrySummaries.CountrySummary ru = summaries.get(1);
        assertEquals("Russia", ru.countryName());
        assertEquals(2, ru.platforms());
        assertEquals(Map.of(Status.BLOCKED, 1, Status.RESTRICTED, 0, Status.THROTTLED, 0, Status.OPEN, 1), ru.byStatus());
        assertEquals(1, ru.promoted());
        assertEquals(3, ru.fines(), "the annulled fine does not count");
        assertEquals(List.of(new Money("EUR", new BigDecimal("2.00")), new Money("RUB", new BigDecimal("3000001.50"))),
                ru.fineTotals());
        assertEquals(latest.recordedAt(), ru.lastChange());
        assertEquals(fine.stream().country(), ru.country());
        assertEquals(Map.of(Status.BLOCKED, 0, Status.RESTRICTED, 0, Status.THROTTLED, 1, Status.OPEN, 0),
                summaries.get(0).byStatus());
    }

    @Test
    void noStatusesNoCountries() {
        assertEquals(List.of(), CountrySummaries.byCountry(List.of()));
    }
}
