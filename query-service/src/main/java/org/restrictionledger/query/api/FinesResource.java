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
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.status.Fine;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.projection.ReadModel;
import org.restrictionledger.support.problem.ProblemException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/fines}: what fines cost the platforms, filtered, with totals per currency over every fine that
 * matches, a {@link Keyset} page of the fines at a time (the CSV export has them all).
 */
@Path("/api/v1/fines")
@Produces({MediaType.APPLICATION_JSON, Params.CSV})
public class FinesResource {

    static final List<String> CSV_COLUMNS = List.of("country", "platform", "fine_id", "amount", "currency", "state",
            "imposed_on", "imposed_precision", "settled_on", "authority", "legal_basis", "reason");

    private final ReadModel readModel;

    FinesResource(ReadModel readModel) {
        this.readModel = readModel;
    }

    public record FineEntry(String stream, String country, String platform, UUID fineId, Money amount, Fine.State state,
                            Effective imposedOn, Effective settledOn, String authority, LegalBasis legalBasis,
                            String reason, List<Source> sources) {
    }

    /**
     * @param count       how many fines match the filters, on every page
     * @param totals      amounts of the matching fines that stand (not annulled), per currency, on every page
     * @param outstanding amounts of the matching fines neither paid nor annulled, per currency, on every page
     * @param fines       this page of them, by date of imposition, then stream, then fine id
     * @param nextCursor  where the next page starts ({@code ?cursor=}); null on the last page
     */
    public record Fines(int count, List<Money> totals, List<Money> outstanding, List<FineEntry> fines,
                        String nextCursor) {
    }

    static final int DEFAULT_LIMIT = 100;

    @GET
    @Operation(summary = "Fines, filtered by country, platform, date of imposition and state, with totals per currency")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Fines.class), examples = @ExampleObject(name = "fines", value = """
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
        String code = country == null ? null : Params.country(country);
        String slug = platform == null ? null : Params.platform(platform);
        LocalDate after = Params.date("from", from);
        LocalDate before = Params.date("to", to);
        Fine.State state = state(status);

        Stream<StreamStatus> streams = code != null ? readModel.country(code, ReadModel.When.NOW).stream()
                : slug != null ? readModel.platform(slug, ReadModel.When.NOW).stream() : readModel.all().stream();
        List<FineEntry> fines = streams
                .filter(s -> slug == null || s.stream().platform().equals(slug))
                .flatMap(s -> s.fines().stream().map(f -> new FineEntry(s.stream().toString(), s.stream().country(),
                        s.stream().platform(), f.fineId(), f.amount(), f.state(), f.imposedOn(), f.settledOn(),
                        f.authority(), f.legalBasis(), f.reason(), f.sources())))
                .filter(f -> after == null || !f.imposedOn().date().isBefore(after))
                .filter(f -> before == null || !f.imposedOn().date().isAfter(before))
                .filter(f -> state == null || f.state() == state)
                .toList();
        boolean csv = Params.csv(format, headers);
        Keyset.Slice<FineEntry> page = Keyset.slice(fines, f -> List.of(f.imposedOn().date().toString(), f.stream(),
                f.fineId().toString()), 3, cursor, csv ? Integer.MAX_VALUE : Keyset.limit(limit, DEFAULT_LIMIT));
        if (csv) {
            return Csv.export("fines", CSV_COLUMNS, rows -> page.items().forEach(f -> rows.row(f.country(), f.platform(),
                    f.fineId(), f.amount() == null ? null : f.amount().amount().toPlainString(),
                    f.amount() == null ? null : f.amount().currency(), f.state(), f.imposedOn().date(),
                    f.imposedOn().precision(), f.settledOn() == null ? null : f.settledOn().date(), f.authority(),
                    f.legalBasis(), f.reason())));
        }
        List<FineEntry> standing = fines.stream().filter(f -> f.state() != Fine.State.ANNULLED).toList();
        return Response.ok(new Fines(fines.size(),
                Money.totals(standing.stream().map(FineEntry::amount).filter(Objects::nonNull).toList()),
                Money.totals(standing.stream().filter(f -> f.state() == Fine.State.OUTSTANDING)
                        .map(FineEntry::amount).filter(Objects::nonNull).toList()),
                page.items(), page.nextCursor()), MediaType.APPLICATION_JSON).build();
    }

    private static Fine.State state(String status) {
        if (status == null) {
            return null;
        }
        try {
            return Fine.State.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "'" + status + "': expected one of " + Arrays.toString(Fine.State.values()));
        }
    }
}
