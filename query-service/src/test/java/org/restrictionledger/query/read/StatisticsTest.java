package org.restrictionledger.query.read;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.restrictionledger.query.read.Recorded.SOURCES;
import static org.restrictionledger.query.read.Recorded.day;

/** The stats fold without a database: periods, measures, and counts read through corrections. */
class StatisticsTest {

    private static RestrictionImposed imposed(Measure measure, org.restrictionledger.events.Effective on) {
        return new RestrictionImposed(measure, List.of(), "Roskomnadzor", null, null, on, SOURCES);
    }

    private final Recorded whatsapp = new Recorded("RU/whatsapp", Instant.parse("2026-01-01T00:00:00Z"));
    private final Recorded telegram = new Recorded("RU/telegram", Instant.parse("2026-01-01T00:00:00Z"));
    private final List<RecordedEvent> events = new ArrayList<>();

    StatisticsTest() {
        RecordedEvent block = whatsapp.add(imposed(Measure.FULL_BLOCK, day(2025, 3, 1)));
        RecordedEvent throttle = whatsapp.add(imposed(Measure.THROTTLING, day(2025, 7, 1)));
        whatsapp.add(new RestrictionLifted(block.eventId(), Measure.FULL_BLOCK, null, null, day(2026, 1, 10), SOURCES));
        whatsapp.add(new RecordCorrected(throttle.eventId(), RecordCorrected.Action.RETRACT, null, "misreported",
                day(2026, 11, 1), SOURCES));
        whatsapp.add(new FineImposed(new BigDecimal("10.00"), "RUB", "Court", null, null, day(2025, 3, 2), SOURCES));
        RecordedEvent limit = telegram.add(imposed(Measure.FEATURE_LIMIT, day(2024, 5, 1)));
        telegram.add(new RecordCorrected(limit.eventId(), RecordCorrected.Action.AMEND,
                imposed(Measure.FEATURE_LIMIT, day(2026, 2, 1)), "wrong year", day(2026, 11, 2), SOURCES));
        events.addAll(telegram.events());
        events.addAll(whatsapp.events());
    }

    @Test
    void countsPerYearThroughCorrections() {
        Statistics.Stats stats = Statistics.fold(events, Statistics.GroupBy.YEAR, "RU", null);

        // 2024's imposition was amended to 2026; the throttling was retracted; fines and corrections never count.
        assertEquals(List.of(new Statistics.Period("2025", 1, 0, 0), new Statistics.Period("2026", 1, 0, 1)),
                stats.periods());
        assertEquals(Statistics.GroupBy.YEAR, stats.groupBy());
        assertEquals("RU", stats.country());
    }

    @Test
    void countsPerMonthForOneMeasure() {
        Statistics.Stats stats = Statistics.fold(events, Statistics.GroupBy.MONTH, null, Measure.FULL_BLOCK);

        assertEquals(List.of(new Statistics.Period("2025-03", 1, 0, 0), new Statistics.Period("2026-01", 0, 0, 1)),
                stats.periods());
        assertEquals(Measure.FULL_BLOCK, stats.measure());
    }

    @Test
    void noEventsNoPeriods() {
        assertEquals(List.of(), Statistics.fold(List.of(), Statistics.GroupBy.MONTH, null, null).periods());
    }
}
