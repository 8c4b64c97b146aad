package org.restrictionledger.query.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.restrictionledger.events.status.Fine;
import org.restrictionledger.query.read.FineReader;
import org.restrictionledger.query.read.FineReader.FineEntry;
import org.restrictionledger.query.read.Keyset;
import org.restrictionledger.support.input.Streams;
import org.restrictionledger.support.input.Values;

import java.util.List;

/**
 * {@code GET /api/v1/fines}: what fines cost the platforms, filtered, with totals per currency over every fine that
 * matches, a {@link Keyset} page of the fines at a time (the CSV export has them all), read by the read model's
 * {@link FineReader}.
 */
@Path("/api/v1/fines")
@Produces({MediaType.APPLICATION_JSON, Params.CSV})
public class FinesResource {

    static final List<String> CSV_COLUMNS = List.of("country", "platform", "fine_id", "amount", "currency", "state",
            "imposed_on", "imposed_precision", "settled_on", "authority", "legal_basis", "reason");

    static final int DEFAULT_LIMIT = 100;

    private final FineReader reader;

    FinesResource(FineReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "Fines, filtered by country, platform, date of imposition and state, with totals per currency")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FineReader.Fines.class), examples = @ExampleObject(name = "fines", value = """
            {"count": 1, "totals": [{"currency": "RUB", "amount": "3000000.00"}], "outstanding": [],
             "fines": [{"stream": "RU/whatsapp", "country": "RU", "platform": "whatsapp", "fineId": "…",
               "amount": {"currency": "RUB", "amount": "3000000.00"}, "state": "PAID",
               "imposedOn": {"date": "2025-06-01", "precision": "DAY"}, "authority": "Tagansky District Court"}]}""")),
            @Content(mediaType = Params.CSV,
                    schema = @Schema(type = SchemaType.STRING, description = Params.CSV_DESCRIPTION),
                    example = """
                    country,platform,fine_id,amount,currency,state,imposed_on,imposed_precision,settled_on,authority,\
                    legal_basis,reason
                    RU,whatsapp,3b9e…,3000000.00,RUB,PAID,2025-06-01,DAY,2025-07-01,Tagansky District Court,,
                    """)})
    public Response fines(@QueryParam("country") String country,
                          @QueryParam("platform") String platform,
                          @Parameter(description = "imposed on or after, YYYY-MM-DD") @QueryParam("from") String from,
                          @Parameter(description = "imposed on or before, YYYY-MM-DD") @QueryParam("to") String to,
                          @Parameter(description = "OUTSTANDING, PAID or ANNULLED") @QueryParam("status") String status,
                          @Parameter(description = "page size, 1 to 500 (default 100); CSV is the whole list")
                          @QueryParam("limit") String limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                          @QueryParam("format") String format,
                          @Context HttpHeaders headers) {
        FineReader.Filter filter = new FineReader.Filter(country == null ? null : Streams.country(country),
                platform == null ? null : Streams.platform(platform), Values.date("from", from), Values.date("to", to),
                Values.enumValue("status", status, Fine.State.class));
        List<FineEntry> fines = reader.matching(filter);
        boolean csv = Params.csv(format, headers);
        Keyset.Slice<FineEntry> page = FineReader.page(fines, cursor,
                csv ? Integer.MAX_VALUE : Params.limit(limit, DEFAULT_LIMIT));
        if (csv) {
            return Csv.export("fines", CSV_COLUMNS, rows -> page.items().forEach(f -> rows.row(f.country(), f.platform(),
                    f.fineId(), f.amount() == null ? null : f.amount().amount().toPlainString(),
                    f.amount() == null ? null : f.amount().currency(), f.state(), f.imposedOn().date(),
                    f.imposedOn().precision(), f.settledOn() == null ? null : f.settledOn().date(), f.authority(),
                    f.legalBasis(), f.reason())));
        }
        return Response.ok(FineReader.fines(fines, page), MediaType.APPLICATION_JSON).build();
    }
}
