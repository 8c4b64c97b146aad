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
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.read.CountrySummaries;
import org.restrictionledger.query.read.CountrySummaries.CountrySummary;
import org.restrictionledger.query.read.Keyset;
import org.restrictionledger.query.read.ReadModel;
import org.restrictionledger.support.input.Streams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The world views: every country at a glance, and where one platform is restricted. */
@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, Params.CSV})
public class WorldResource {

    /** A page of countries holds every ISO 3166 country (249) unless a smaller {@code limit} is asked for. */
    static final int DEFAULT_LIMIT = 250;
    static final List<String> COUNTRY_CSV_COLUMNS = List.of("country", "country_name", "platforms", "blocked",
            "restricted", "throttled", "open", "promoted", "fines", "fine_totals", "last_change");

    static final String PAGE_SIZE = "page size, 1 to 500 (default 250: every country in one page); CSV is the whole list";
    static final String CURSOR = "nextCursor of the previous page";

    private final ReadModel readModel;
    private final CountrySummaries summaries;

    WorldResource(ReadModel readModel, CountrySummaries summaries) {
        this.readModel = readModel;
        this.summaries = summaries;
    }

    /** @param nextCursor where the next page starts ({@code ?cursor=}); null on the last page */
    public record World(List<CountrySummary> countries, String nextCursor) {
    }

    /** @param nextCursor where the next page starts ({@code ?cursor=}); null on the last page */
    public record PlatformCountries(String platform, String name, String owner, LocalDate asOf, Instant knownAt,
                                    List<StreamStatus> countries, String nextCursor) {
    }

    @GET
    @Path("countries")
    @Operation(summary = "Every country with any record: platforms per status, fine totals per currency, last change")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = World.class), examples = @ExampleObject(name = "world", value = """
            {"countries": [{"country": "RU", "countryName": "Russia", "platforms": 7,
              "byStatus": {"BLOCKED": 3, "RESTRICTED": 2, "THROTTLED": 1, "OPEN": 1}, "promoted": 1, "fines": 1,
              "fineTotals": [], "lastChange": "2026-02-12T10:00:00Z"}]}""")),
            @Content(mediaType = Params.CSV,
                    schema = @Schema(type = SchemaType.STRING, description = Params.CSV_DESCRIPTION),
                    example = """
                    country,country_name,platforms,blocked,restricted,throttled,open,promoted,fines,fine_totals,\
                    last_change
                    RU,Russia,7,3,2,1,1,1,1,,2026-02-12T10:00:00Z
                    """)})
    public Response countries(@Parameter(description = PAGE_SIZE) @QueryParam("limit") String limit,
                              @Parameter(description = CURSOR) @QueryParam("cursor") String cursor,
                              @QueryParam("format") String format, @Context HttpHeaders headers) {
        List<CountrySummary> countries = summaries.now();
        boolean csv = Params.csv(format, headers);
        Keyset.Slice<CountrySummary> page = Keyset.slice(countries, c -> List.of(c.country()), 1, cursor,
                csv ? Integer.MAX_VALUE : Params.limit(limit, DEFAULT_LIMIT));
        if (csv) {
            return Csv.export("countries", COUNTRY_CSV_COLUMNS, rows -> page.items().forEach(c -> rows.row(c.country(),
                    c.countryName(), c.platforms(), c.byStatus().get(Status.BLOCKED), c.byStatus().get(Status.RESTRICTED),
                    c.byStatus().get(Status.THROTTLED), c.byStatus().get(Status.OPEN), c.promoted(), c.fines(),
                    CountryResource.money(c.fineTotals()), c.lastChange())));
        }
        return Response.ok(new World(page.items(), page.nextCursor()), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("platforms/{platform}/countries")
    @Operation(summary = "Where a platform has a record, country by country: the world view of one platform; JSON or CSV")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlatformCountries.class),
                    examples = @ExampleObject(name = "WhatsApp", value = """
                    {"platform": "whatsapp", "name": "WhatsApp", "owner": "Meta Platforms", "countries": [
                      {"stream": "RU/whatsapp", "country": "RU", "countryName": "Russia", "platform": "whatsapp",
                       "platformName": "WhatsApp", "status": "BLOCKED", "activeMeasures": [], "restrictedFeatures": [],
                       "promoted": false, "fines": [], "fineSummary": {"count": 0, "totals": [], "outstanding": []},
                       "version": 4, "lastChange": "2026-02-12T10:00:00Z"}]}""")),
            @Content(mediaType = Params.CSV,
                    schema = @Schema(type = SchemaType.STRING, description = Params.CSV_DESCRIPTION),
                    example = CountryResource.CSV_EXAMPLE)})
    public Response platformCountries(@PathParam("platform") String platform,
                                      @QueryParam("asOf") String asOf,
                                      @QueryParam("knownAt") String knownAt,
                                      @Parameter(description = PAGE_SIZE) @QueryParam("limit") String limit,
                                      @Parameter(description = CURSOR) @QueryParam("cursor") String cursor,
                                      @QueryParam("format") String format,
                                      @Context HttpHeaders headers) {
        String slug = Streams.platform(platform);
        Platform p = Platforms.resolve(slug).orElseThrow();
        ReadModel.When when = Params.when(asOf, knownAt);
        boolean csv = Params.csv(format, headers);
        Keyset.Slice<StreamStatus> page = Keyset.slice(readModel.platform(slug, when), s -> List.of(s.stream().country()),
                1, cursor, csv ? Integer.MAX_VALUE : Params.limit(limit, DEFAULT_LIMIT));
        if (csv) {
            // The status page links this for its platform table.
            return Csv.export("countries-" + slug, CountryResource.CSV_COLUMNS,
                    rows -> page.items().forEach(s -> CountryResource.row(rows, s)));
        }
        return Response.ok(new PlatformCountries(slug, p.name(), p.owner(), when.asOf(), when.knownAt(), page.items(),
                page.nextCursor()), MediaType.APPLICATION_JSON).build();
    }
}
