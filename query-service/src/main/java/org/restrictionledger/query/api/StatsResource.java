package org.restrictionledger.query.api;

import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.query.projection.ProjectedEvent;
import org.restrictionledger.support.problem.ProblemException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code GET /api/v1/stats}: how many measures were imposed, changed and lifted per month or year, by effective date,
 * read through every correction (a retracted measure does not count; an amended one counts as amended).
 */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    public enum GroupBy {
        MONTH, YEAR
    }

    public record Period(String period, int imposed, int changed, int lifted) {
    }

    public record Stats(GroupBy groupBy, String country, Measure measure, List<Period> periods) {
    }

    private static final List<String> TYPES = List.of(RestrictionImposed.TYPE, RestrictionChanged.TYPE,
            RestrictionLifted.TYPE, RecordCorrected.TYPE);

    @GET
    @Operation(summary = "Counts of measures imposed, changed and lifted per period")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Stats.class), examples = @ExampleObject(name = "per year", value = """
            {"groupBy": "YEAR", "country": "RU", "periods": [
              {"period": "2025", "imposed": 3, "changed": 0, "lifted": 0},
              {"period": "2026", "imposed": 2, "changed": 0, "lifted": 0}]}""")))
    public Stats stats(@Parameter(description = "month (default) or year") @QueryParam("groupBy") String groupBy,
                       @QueryParam("country") String country,
                       @Parameter(description = "only this measure, e.g. FULL_BLOCK") @QueryParam("measure") String measure) {
        GroupBy by = parse(GroupBy.class, "groupBy", groupBy == null ? "MONTH" : groupBy);
        Measure only = measure == null ? null : parse(Measure.class, "measure", measure);
        String code = country == null ? null : Params.country(country);

        List<RecordedEvent> events = (code == null
                ? ProjectedEvent.<ProjectedEvent>list("eventType IN ?1", Sort.by("streamId").and("streamVersion"), TYPES)
                : ProjectedEvent.<ProjectedEvent>list("country = ?1 AND eventType IN ?2",
                        Sort.by("streamId").and("streamVersion"), code, TYPES))
                .stream().map(ProjectedEvent::toRecordedEvent).toList();
        Map<UUID, Optional<LedgerEvent>> corrected = StatusFold.corrections(events);

        Map<String, int[]> counts = new TreeMap<>();
        for (RecordedEvent recorded : events) {
            LedgerEvent event = corrected.getOrDefault(recorded.eventId(), Optional.of(recorded.event())).orElse(null);
            int column;
            Measure m;
            if (event instanceof RestrictionImposed i) {
                column = 0;
                m = i.measure();
            } else if (event instanceof RestrictionChanged c) {
                column = 1;
                m = c.measure();
            } else if (event instanceof RestrictionLifted l) {
                column = 2;
                m = l.measure();
            } else {
                continue;
            }
            if (only == null || only == m) {
                counts.computeIfAbsent(period(event.effective().date(), by), p -> new int[3])[column]++;
            }
        }
        return new Stats(by, code, only, counts.entrySet().stream()
                .map(e -> new Period(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
    }

    private static String period(LocalDate date, GroupBy by) {
        return by == GroupBy.YEAR ? Integer.toString(date.getYear()) : date.toString().substring(0, 7);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + value + "': expected one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
