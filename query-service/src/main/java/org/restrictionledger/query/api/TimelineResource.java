package org.restrictionledger.query.api;

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
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.query.read.EventFields;
import org.restrictionledger.query.read.Timeline;
import org.restrictionledger.support.input.Streams;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.ProblemException;

import java.util.List;

/**
 * {@code GET /api/v1/countries/{cc}/timeline}: what happened, in effective-date order, corrections included (each next
 * to the event it corrects) and corrected events marked, as the read model's {@link Timeline} gives it. Keyset
 * pagination: {@code nextCursor} continues exactly after the last item, whatever was projected in between, so pages
 * never repeat or skip an event. As CSV it streams the whole range.
 */
@Path("/api/v1/countries/{country}/timeline")
@Produces({MediaType.APPLICATION_JSON, Params.CSV})
public class TimelineResource {

    static final int DEFAULT_LIMIT = 100;
    static final List<String> CSV_COLUMNS = List.of("effective_date", "precision", "stream", "type", "event_id",
            "stream_version", "recorded_at", "measure", "features", "amount", "currency", "authority", "reason",
            "target_event_id", "corrected_by");

    private final Timeline timeline;

    TimelineResource(Timeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @Operation(summary = "The country's events in effective-date order, corrected ones marked; a page at a time as "
            + "JSON, or the whole range as CSV")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Timeline.Page.class), examples = @ExampleObject(name = "one page", value = """
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
        String code = Streams.country(country);
        Timeline.Filter filter = new Timeline.Filter(code, platform == null ? null : Streams.platform(platform),
                Values.date("from", from), Values.date("to", to), type(type),
                cursor == null ? null : Timeline.Cursor.decode(cursor));
        if (Params.csv(format, headers)) {
            return Csv.export("timeline-" + code, CSV_COLUMNS, rows -> timeline.each(filter, row -> csvRow(rows, row)));
        }
        return Response.ok(timeline.page(filter, Params.limit(limit, DEFAULT_LIMIT)), MediaType.APPLICATION_JSON).build();
    }

    private static String type(String type) {
        if (type != null && !EventSchemas.TYPES.contains(type)) {
            throw ProblemException.invalid("type", "unknown event type '" + type + "': expected one of " + EventSchemas.TYPES);
        }
        return type;
    }

    private static void csvRow(Csv.Rows rows, Timeline.Row row) {
        RecordedEvent e = row.recorded();
        LedgerEvent event = e.event();
        Effective placed = row.placed();
        String measure = null;
        String features = null;
        String amount = null;
        String currency = null;
        String target = null;
        switch (event) {
            case RestrictionImposed i -> {
                measure = i.measure().name();
                features = String.join(";", i.features());
            }
            case RestrictionChanged c -> {
                measure = c.measure().name();
                features = String.join(";", c.features());
                target = c.restrictionId().toString();
            }
            case RestrictionLifted l -> {
                measure = l.measure().name();
                target = l.restrictionId().toString();
            }
            case FineImposed f -> {
                amount = f.amount() == null ? null : f.amount().toPlainString();
                currency = f.currency();
            }
            case AlternativePromoted p -> features = String.join(";", p.services());
            case RecordCorrected c -> target = c.targetEventId().toString();
            case FinePaid _, FineAnnulled _ -> {
                // no measure, features, amount or target column
            }
        }
        rows.row(placed.date(), placed.precision(), e.stream(), event.type(), e.eventId(),
                e.streamVersion(), e.recordedAt(), measure, features, amount, currency, authority(event),
                EventFields.reason(event), target, row.correctedBy() == null ? null : row.correctedBy().toString());
    }

    /** The authority column: the types the export has always shown it for (not fine.paid, fine.annulled). */
    private static String authority(LedgerEvent event) {
        return event instanceof FinePaid || event instanceof FineAnnulled ? null : EventFields.authority(event);
    }
}
