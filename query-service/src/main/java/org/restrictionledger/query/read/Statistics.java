package org.restrictionledger.query.read;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.query.projection.ProjectedEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How many measures were imposed, changed and lifted per month or year, by effective date, read through every
 * correction: a retracted measure does not count; an amended one counts as amended. {@link #fold} is the pure count;
 * {@link #stats} reads the events it needs from the projection.
 */
@ApplicationScoped
public class Statistics {

    public enum GroupBy {
        MONTH, YEAR
    }

    public record Period(String period, int imposed, int changed, int lifted) {
    }

    public record Stats(GroupBy groupBy, String country, Measure measure, List<Period> periods) {
    }

    /** The event types that can count or change a count. */
    static final List<String> TYPES = List.of(RestrictionImposed.TYPE, RestrictionChanged.TYPE,
            RestrictionLifted.TYPE, RecordCorrected.TYPE);

    /**
     * @param country null for the world
     * @param only    null for every measure
     */
    public Stats stats(GroupBy by, String country, Measure only) {
        List<RecordedEvent> events = (country == null
                ? ProjectedEvent.<ProjectedEvent>list("eventType IN ?1", Sort.by("streamId").and("streamVersion"), TYPES)
                : ProjectedEvent.<ProjectedEvent>list("country = ?1 AND eventType IN ?2",
                        Sort.by("streamId").and("streamVersion"), country, TYPES))
                .stream().map(ProjectedEvent::toRecordedEvent).toList();
        return fold(events, by, country, only);
    }

    /**
     * The counts of these events (each stream's in version order, corrections included), periods in time order.
     * Events of other types are ignored.
     */
    public static Stats fold(List<RecordedEvent> events, GroupBy by, String country, Measure only) {
        Map<UUID, Optional<LedgerEvent>> corrected = StatusFold.corrections(events);
        Map<String, int[]> counts = new TreeMap<>();
        for (RecordedEvent recorded : events) {
            LedgerEvent event = corrected.getOrDefault(recorded.eventId(), Optional.of(recorded.event())).orElse(null);
            if (event == null) {
                continue;
            }
            int column;
            Measure m;
            switch (event) {
                case RestrictionImposed i -> {
                    column = 0;
                    m = i.measure();
                }
                case RestrictionChanged c -> {
                    column = 1;
                    m = c.measure();
                }
                case RestrictionLifted l -> {
                    column = 2;
                    m = l.measure();
                }
                case FineImposed _, FinePaid _, FineAnnulled _, AlternativePromoted _, RecordCorrected _ -> {
                    continue;
                }
            }
            if (only == null || only == m) {
                counts.computeIfAbsent(period(event.effective().date(), by), p -> new int[3])[column]++;
            }
        }
        return new Stats(by, country, only, counts.entrySet().stream()
                .map(e -> new Period(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
    }

    private static String period(LocalDate date, GroupBy by) {
        return by == GroupBy.YEAR ? Integer.toString(date.getYear()) : date.toString().substring(0, 7);
    }
}
