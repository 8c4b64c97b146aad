package org.restrictionledger.query.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.restrictionledger.events.Money;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.status.ActiveMeasure;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.read.MinVersionConfig;
import org.restrictionledger.query.read.ReadModel;
import org.restrictionledger.support.input.Streams;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The dashboards' view of one country: the status of each platform, now or at another time. */
@Path("/api/v1/countries/{country}/platforms")
@Produces({MediaType.APPLICATION_JSON, Params.CSV})
public class CountryResource {

    static final List<String> CSV_COLUMNS = List.of("country", "platform", "status", "since", "since_precision",
            "active_measures", "restricted_features", "promoted", "fines", "fine_totals", "fines_outstanding",
            "version", "last_change");

    static final String EXAMPLE = """
            {"country": "RU", "countryName": "Russia", "platforms": [
              {"stream": "RU/whatsapp", "country": "RU", "countryName": "Russia", "platform": "whatsapp",
               "platformName": "WhatsApp", "status": "BLOCKED", "since": {"date": "2026-02-01", "precision": "MONTH"},
               "activeMeasures": [{"restrictionId": "6f1c…", "measure": "FULL_BLOCK", "features": [],
                 "authority": "Kremlin", "legalBasis": "OTHER", "reason": "non-compliance with Russian law",
                 "since": {"date": "2026-02-01", "precision": "MONTH"}, "sources": [{"publisher": "…"}]}],
               "restrictedFeatures": ["voice_calls"], "promoted": false,
               "fines": [], "fineSummary": {"count": 0, "totals": [], "outstanding": []},
               "version": 4, "lastChange": "2026-02-12T10:00:00Z"}]}""";

    static final String CSV_EXAMPLE = """
            country,platform,status,since,since_precision,active_measures,restricted_features,promoted,fines,\
            fine_totals,fines_outstanding,version,last_change
            RU,whatsapp,BLOCKED,2026-02-01,MONTH,FULL_BLOCK,voice_calls,false,0,,,4,2026-02-12T10:00:00Z
            """;

    private final ReadModel readModel;
    private final MinVersionConfig minVersionConfig;

    CountryResource(ReadModel readModel, MinVersionConfig minVersionConfig) {
        this.readModel = readModel;
        this.minVersionConfig = minVersionConfig;
    }

    public record CountryPlatforms(String country, String countryName, LocalDate asOf, Instant knownAt,
                                   List<StreamStatus> platforms) {
    }

    @GET
    @Operation(summary = "The status of every platform with a record in the country; JSON or CSV")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CountryPlatforms.class),
            examples = @ExampleObject(name = "Russia", value = EXAMPLE)),
            @Content(mediaType = Params.CSV,
                    schema = @Schema(type = SchemaType.STRING, description = Params.CSV_DESCRIPTION),
                    example = CSV_EXAMPLE)})
    public Response platforms(
            @PathParam("country") String country,
            @Parameter(description = "valid time, YYYY-MM-DD: the status as in effect on that day") @QueryParam("asOf") String asOf,
            @Parameter(description = "transaction time, RFC 3339: the status from what the ledger had recorded by then")
            @QueryParam("knownAt") String knownAt,
            @Parameter(description = "json (default) or csv; Accept: text/csv works too") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        String code = Streams.country(country);
        ReadModel.When when = Params.when(asOf, knownAt);
        List<StreamStatus> statuses = readModel.country(code, when);
        if (Params.csv(format, headers)) {
            return Csv.export("platforms-" + code, CSV_COLUMNS, rows -> statuses.forEach(s -> row(rows, s)));
        }
        return Response.ok(new CountryPlatforms(code, Countries.nameOf(code), when.asOf(), when.knownAt(), statuses),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{platform}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One platform in the country in detail: active measures with sources and legal basis, fines")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StreamStatus.class),
            examples = @ExampleObject(name = "RU/whatsapp", value = """
            {"stream": "RU/whatsapp", "country": "RU", "countryName": "Russia", "platform": "whatsapp",
             "platformName": "WhatsApp", "status": "OPEN", "activeMeasures": [], "restrictedFeatures": [],
             "promoted": false, "fines": [], "fineSummary": {"count": 0, "totals": [], "outstanding": []},
             "version": 2, "lastChange": "2026-02-12T10:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "A malformed parameter or header, named in the problem")
    @APIResponse(responseCode = "404", description = "An unknown country or platform, or no record of it there")
    @APIResponse(responseCode = "503", description = "minVersion was not reached in time; retry after Retry-After seconds")
    public StreamStatus platform(
            @PathParam("country") String country,
            @PathParam("platform") String platform,
            @QueryParam("asOf") String asOf,
            @QueryParam("knownAt") String knownAt,
            @Parameter(description = "read-your-writes: wait (a few seconds at most) until the projection has this "
                    + "stream version, e.g. the streamVersion of your ACCEPTED submission")
            @QueryParam("minVersion") String minVersion,
            @Parameter(description = "the same as minVersion, as a header") @HeaderParam("X-Min-Version") String minVersionHeader) {
        Long wanted = minVersion != null ? Values.number("minVersion", minVersion, 1, Long.MAX_VALUE)
                : Values.number("X-Min-Version", minVersionHeader, 1, Long.MAX_VALUE);
        StreamId stream = Streams.stream(country, platform);
        if (wanted != null && !readModel.awaitVersion(stream, wanted, minVersionConfig.maxWait())) {
            throw new ProblemException(Problem.of(503, "not-yet-projected", "Not yet projected",
                    stream + " is projected up to v" + readModel.version(stream) + ", not yet v" + wanted
                            + "; retry shortly"), 1);
        }
        return readModel.stream(stream, Params.when(asOf, knownAt))
                .orElseThrow(() -> ProblemException.notFound("no record of " + stream.platform() + " in " + stream.country()));
    }

    static void row(Csv.Rows rows, StreamStatus s) {
        rows.row(s.stream().country(), s.stream().platform(), s.status(),
                s.since() == null ? null : s.since().date(), s.since() == null ? null : s.since().precision(),
                s.activeMeasures().stream().map(ActiveMeasure::measure).map(Enum::name).collect(Collectors.joining(";")),
                String.join(";", s.restrictedFeatures()), s.promoted(), s.fineSummary().count(),
                money(s.fineSummary().totals()), money(s.fineSummary().outstanding()), s.version(), s.lastChange());
    }

    static String money(List<Money> amounts) {
        return amounts.stream().map(m -> m.amount().toPlainString() + " " + m.currency()).collect(Collectors.joining(";"));
    }
}
