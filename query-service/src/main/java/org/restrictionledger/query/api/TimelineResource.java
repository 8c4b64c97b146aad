package org.restrictionledger.query.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.query.projection.ProjectedEvent;
import org.restrictionledger.support.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/countries/{cc}/timeline}: what happened, in effective-date order, corrections included (each next
 * to the event it corrects) and corrected events marked. Keyset pagination: {@code nextCursor} continues exactly after the last item, whatever was
 * projected in between, so pages never repeat or skip an event. As CSV it streams the whole range.
 */
@Path("/api/v1/countries/{country}/timeline")
@Produces({MediaType.APPLICATION_JSON, Params.CSV})
public class TimelineResource {

    static final int DEFAULT_LIMIT = 100;
    static final List<String> CSV_COLUMNS = List.of("effective_date", "precision", "stream", "type", "event_id",
            "stream_version", "recorded_at", "measure", "features", "amount", "currency", "authority", "reason",
            "target_event_id", "corrected_by");

    private final EntityManager em;

    TimelineResource(EntityManager em) {
        this.em = em;
    }

    /** The last correction of an event: what the timeline shows next to it. */
    public record CorrectedBy(UUID eventId, RecordCorrected.Action action, String reason, LedgerEvent amended) {
    }

    /**
     * @param effective  where the entry sits in valid time: the event's effective date, or for a correction that of
     *                   the event it corrects (the correction's own date stays in {@code event.effective})
     * @param recordedAt when the ledger recorded it (for a correction: when the correction was made)
     */
    public record Entry(UUID eventId, String stream, String platform, String type, Effective effective,
                        Instant recordedAt, long streamVersion, LedgerEvent event, CorrectedBy correctedBy) {
    }

    public record Page(String country, List<Entry> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "The country's events in effective-date order, corrected ones marked; a page at a time as "
            + "JSON, or the whole range as CSV")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Page.class), examples = @ExampleObject(name = "one page", value = """
            {"country": "RU", "nextCursor": "MjAyNS0xMi0wMXxSVS93aGF0c2FwcHwy", "items": [
              {"eventId": "…", "stream": "RU/whatsapp", "platform": "whatsapp", "type": "restriction.imposed",
               "effective": {"date": "2025-01-01", "precision": "YEAR"}, "recordedAt": "2026-02-12T10:00:00Z",
               "streamVersion": 1, "event": {"type": "restriction.imposed", "measure": "FEATURE_LIMIT",
               "features": ["voice_calls"], "effective": {"date": "2025-01-01", "precision": "YEAR"},
               "sources": [{"publisher": "…"}]}}]}""")),
            @Content(mediaType = Params.CSV,
                    schema = @Schema(type = SchemaType.STRING, description = Params.CSV_DESCRIPTION),
                    example = """
                    effective_date,precision,stream,type,event_id,stream_version,recorded_at,measure,features,amount,\
                    currency,authority,reason,target_event_id,corrected_by
                    2025-01-01,YEAR,RU/whatsapp,restriction.imposed,6f1c…,1,2026-02-12T10:00:00Z,FEATURE_LIMIT,\
                    voice_calls,,,Roskomnadzor,,,
                    """)})
    public Response timeline(@PathParam("country") String country,
                             @Parameter(description = "only this platform (name, alias or slug)") @QueryParam("platform") String platform,
                             @Parameter(description = "effective on or after, YYYY-MM-DD") @QueryParam("from") String from,
                             @Parameter(description = "effective on or before, YYYY-MM-DD") @QueryParam("to") String to,
                             @Parameter(description = "only this event type, e.g. restriction.imposed") @QueryParam("type") String type,
                             @Parameter(description = "page size, 1 to 500 (default 100)") @QueryParam("limit") String limit,
                             @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                             @QueryParam("format") String format,
                             @Context HttpHeaders headers) {
        String code = Params.country(country);
        Filter filter = new Filter(code, platform == null ? null : Params.platform(platform), Params.date("from", from),
                Params.date("to", to), type(type), cursor == null ? null : Cursor.decode(cursor));
        if (Params.csv(format, headers)) {
            return Csv.export("timeline-" + code, CSV_COLUMNS, rows -> QuarkusTransaction.requiringNew().run(() -> {
                try (Stream<?> results = filter.query(em, null).getResultStream()) {
                    results.forEach(result -> csvRow(rows, (Object[]) result));
                }
            }));
        }
        int size = Keyset.limit(limit, DEFAULT_LIMIT);
        List<?> results = filter.query(em, size + 1).getResultList();
        List<Object[]> rows = results.stream().limit(size).map(r -> (Object[]) r).toList();
        Map<UUID, CorrectedBy> corrections = corrections(rows);
        List<Entry> items = new ArrayList<>(rows.size());
        List<RecordedEvent> page = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            RecordedEvent e = Json.read((String) row[0], RecordedEvent.class);
            page.add(e);
            items.add(new Entry(e.eventId(), e.stream().toString(), e.stream().platform(), e.event().type(),
                    placed(e, row), e.recordedAt(), e.streamVersion(), e.event(),
                    row[1] == null ? null : corrections.get(UUID.fromString((String) row[1]))));
        }
        RecordedEvent last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = results.size() > size
                ? new Cursor(date(rows.get(rows.size() - 1)[3]), last.stream().toString(), last.streamVersion()).encode()
                : null;
        return Response.ok(new Page(code, items, next), MediaType.APPLICATION_JSON).build();
    }

    /**
     * Where the entry sits in valid time: the event's effective date, or for a correction that of the event it
     * corrects (the query's third column), so that a correction reported years later stands next to what it corrects.
     */
    private static Effective placed(RecordedEvent e, Object[] row) {
        return row[2] == null ? e.event().effective() : Json.read((String) row[2], Effective.class);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static String type(String type) {
        if (type != null && !EventSchemas.TYPES.contains(type)) {
            throw ProblemException.invalid("type", "unknown event type '" + type + "': expected one of " + EventSchemas.TYPES);
        }
        return type;
    }

    /** The conditions of a timeline request, as SQL over projected_events. */
    private record Filter(String country, String platform, LocalDate from, LocalDate to, String type, Cursor after) {

        Query query(EntityManager em, Integer limit) {
            StringBuilder sql = new StringBuilder("""
                    SELECT CAST(e.data AS text), (SELECT CAST(c.event_id AS text) FROM projected_events c
                                                  WHERE c.target_event_id = e.event_id
                                                  ORDER BY c.stream_version DESC LIMIT 1),
                           (SELECT CAST(t.data -> 'event' -> 'effective' AS text) FROM projected_events t
                            WHERE t.event_id = e.target_event_id),
                           e.effective_date
                    FROM projected_events e WHERE e.country = :country""");
            Map<String, Object> params = new HashMap<>(Map.of("country", country));
            if (platform != null) {
                sql.append(" AND e.platform = :platform");
                params.put("platform", platform);
            }
            if (from != null) {
                sql.append(" AND e.effective_date >= :from");
                params.put("from", from);
            }
            if (to != null) {
                sql.append(" AND e.effective_date <= :to");
                params.put("to", to);
            }
            if (type != null) {
                sql.append(" AND e.event_type = :type");
                params.put("type", type);
            }
            if (after != null) {
                sql.append(" AND (e.effective_date, e.stream_id, e.stream_version) > (:cDate, :cStream, :cVersion)");
                params.put("cDate", after.date());
                params.put("cStream", after.stream());
                params.put("cVersion", after.version());
            }
            sql.append(" ORDER BY e.effective_date, e.stream_id, e.stream_version");
            if (limit != null) {
                sql.append(" LIMIT ").append(limit);
            }
            Query query = em.createNativeQuery(sql.toString());
            params.forEach(query::setParameter);
            return query;
        }
    }

    private static void csvRow(Csv.Rows rows, Object[] result) {
        RecordedEvent e = Json.read((String) result[0], RecordedEvent.class);
        LedgerEvent event = e.event();
        Effective placed = placed(e, result);
        String measure = null;
        String features = null;
        String amount = null;
        String currency = null;
        String authority = null;
        String target = null;
        if (event instanceof RestrictionImposed i) {
            measure = i.measure().name();
            features = String.join(";", i.features());
            authority = i.authority();
        } else if (event instanceof RestrictionChanged c) {
            measure = c.measure().name();
            features = String.join(";", c.features());
            authority = c.authority();
            target = c.restrictionId().toString();
        } else if (event instanceof RestrictionLifted l) {
            measure = l.measure().name();
            authority = l.authority();
            target = l.restrictionId().toString();
        } else if (event instanceof FineImposed f) {
            amount = f.amount() == null ? null : f.amount().toPlainString();
            currency = f.currency();
            authority = f.authority();
        } else if (event instanceof AlternativePromoted p) {
            features = String.join(";", p.services());
            authority = p.authority();
        } else if (event instanceof RecordCorrected c) {
            target = c.targetEventId().toString();
        }
        rows.row(placed.date(), placed.precision(), e.stream(), event.type(), e.eventId(),
                e.streamVersion(), e.recordedAt(), measure, features, amount, currency, authority, reason(event),
                target, result[1]);
    }

    private static String reason(LedgerEvent event) {
        return Json.mapper().valueToTree(event).path("reason").asText(null);
    }

    /**
     * The corrections the query named for the page (its second column: the latest correction of each event, chosen
     * in SQL once for JSON and CSV alike), by their event id.
     */
    private static Map<UUID, CorrectedBy> corrections(List<Object[]> rows) {
        List<UUID> ids = rows.stream().filter(r -> r[1] != null).map(r -> UUID.fromString((String) r[1])).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, CorrectedBy> byId = new HashMap<>();
        ProjectedEvent.<ProjectedEvent>list("eventId IN ?1", ids).forEach(row -> {
            RecordCorrected c = (RecordCorrected) row.toRecordedEvent().event();
            byId.put(row.eventId, new CorrectedBy(row.eventId, c.action(), c.reason(), c.amended()));
        });
        return byId;
    }

    /** Where a page ended: a {@link Keyset} cursor of (date, stream, version). */
    record Cursor(LocalDate date, String stream, long version) {

        String encode() {
            return Keyset.encode(date, stream, version);
        }

        static Cursor decode(String text) {
            List<String> key = Keyset.decode(text, 3);
            try {
                return new Cursor(LocalDate.parse(key.get(0)), key.get(1), Long.parseLong(key.get(2)));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "not a cursor of this list; use nextCursor of the previous page");
            }
        }
    }
}
