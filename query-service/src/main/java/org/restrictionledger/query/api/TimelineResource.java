package org.restrictionledger.query.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.query.projection.ProjectedEvent;
import org.restrictionledger.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/countries/{cc}/timeline}: what happened, in effective-date order, corrections included and
 * corrected events marked. Keyset pagination: {@code nextCursor} continues exactly after the last item, whatever was
 * projected in between, so pages never repeat or skip an event.
 */
@Path("/api/v1/countries/{country}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** The last correction of an event: what the timeline shows next to it. */
    public record CorrectedBy(UUID eventId, RecordCorrected.Action action, String reason, LedgerEvent amended) {
    }

    public record Entry(UUID eventId, String stream, String platform, String type, Effective effective,
                        Instant recordedAt, long streamVersion, LedgerEvent event, CorrectedBy correctedBy) {
    }

    public record Page(String country, List<Entry> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "The country's events in effective-date order, corrected ones marked, a page at a time")
    public Page timeline(@PathParam("country") String country,
                         @Parameter(description = "only this platform (name, alias or slug)") @QueryParam("platform") String platform,
                         @Parameter(description = "effective on or after, YYYY-MM-DD") @QueryParam("from") String from,
                         @Parameter(description = "effective on or before, YYYY-MM-DD") @QueryParam("to") String to,
                         @Parameter(description = "only this event type, e.g. restriction.imposed") @QueryParam("type") String type,
                         @Parameter(description = "page size, 1 to 500 (default 100)") @QueryParam("limit") Integer limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        String code = CountryResource.country(country);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "between 1 and " + MAX_LIMIT + ", was " + size);
        }
        StringBuilder where = new StringBuilder("country = :country");
        Parameters params = Parameters.with("country", code);
        if (platform != null) {
            String slug = Platforms.resolve(platform)
                    .orElseThrow(() -> ProblemException.notFound("unknown platform '" + platform + "'")).slug();
            where.append(" AND platform = :platform");
            params.and("platform", slug);
        }
        if (from != null) {
            where.append(" AND effectiveDate >= :from");
            params.and("from", CountryResource.date("from", from));
        }
        if (to != null) {
            where.append(" AND effectiveDate <= :to");
            params.and("to", CountryResource.date("to", to));
        }
        if (type != null) {
            if (!EventSchemas.TYPES.contains(type)) {
                throw ProblemException.invalid("type", "unknown event type '" + type + "': expected one of " + EventSchemas.TYPES);
            }
            where.append(" AND eventType = :type");
            params.and("type", type);
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            where.append(" AND (effectiveDate > :cDate OR (effectiveDate = :cDate AND (streamId > :cStream"
                    + " OR (streamId = :cStream AND streamVersion > :cVersion))))");
            params.and("cDate", after.date()).and("cStream", after.stream()).and("cVersion", after.version());
        }
        PanacheQuery<ProjectedEvent> query = ProjectedEvent.find(where.toString(),
                Sort.by("effectiveDate").and("streamId").and("streamVersion"), params);
        List<ProjectedEvent> rows = query.range(0, size).list();
        boolean more = rows.size() > size;
        List<ProjectedEvent> page = more ? rows.subList(0, size) : rows;

        Map<UUID, CorrectedBy> corrections = corrections(page);
        List<Entry> items = new ArrayList<>(page.size());
        for (ProjectedEvent row : page) {
            RecordedEvent e = row.toRecordedEvent();
            items.add(new Entry(e.eventId(), e.stream().toString(), e.stream().platform(), e.event().type(),
                    e.event().effective(), e.recordedAt(), e.streamVersion(), e.event(), corrections.get(e.eventId())));
        }
        ProjectedEvent last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(code, items, more ? new Cursor(last.effectiveDate, last.streamId, last.streamVersion).encode() : null);
    }

    /** The latest correction of each event on the page. */
    private static Map<UUID, CorrectedBy> corrections(List<ProjectedEvent> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        Map<UUID, CorrectedBy> latest = new HashMap<>();
        ProjectedEvent.<ProjectedEvent>list("targetEventId IN ?1", Sort.by("streamVersion"),
                        page.stream().map(r -> r.eventId).toList())
                .forEach(row -> {
                    RecordedEvent e = row.toRecordedEvent();
                    RecordCorrected c = (RecordCorrected) e.event();
                    latest.put(c.targetEventId(), new CorrectedBy(e.eventId(), c.action(), c.reason(), c.amended()));
                });
        return latest;
    }

    /** Where a page ended: opaque to clients (base64url of date|stream|version). */
    record Cursor(LocalDate date, String stream, long version) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((date + "|" + stream + "|" + version).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(LocalDate.parse(parts[0]), parts[1], Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "not a cursor from this API; use nextCursor of the previous page");
            }
        }
    }
}
