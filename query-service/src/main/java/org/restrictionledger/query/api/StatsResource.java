package org.restrictionledger.query.api;

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
import org.restrictionledger.events.Measure;
import org.restrictionledger.query.read.Statistics;
import org.restrictionledger.support.input.Streams;
import org.restrictionledger.support.input.Values;

/**
 * {@code GET /api/v1/stats}: how many measures were imposed, changed and lifted per month or year, by effective date,
 * read through every correction (the read model's {@link Statistics}).
 */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final Statistics statistics;

    StatsResource(Statistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "Counts of measures imposed, changed and lifted per period")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Statistics.Stats.class), examples = @ExampleObject(name = "per year", value = """
            {"groupBy": "YEAR", "country": "RU", "periods": [
              {"period": "2025", "imposed": 3, "changed": 0, "lifted": 0},
              {"period": "2026", "imposed": 2, "changed": 0, "lifted": 0}]}""")))
    public Statistics.Stats stats(@Parameter(description = "month (default) or year") @QueryParam("groupBy") String groupBy,
                                  @QueryParam("country") String country,
                                  @Parameter(description = "only this measure, e.g. FULL_BLOCK") @QueryParam("measure") String measure) {
        Statistics.GroupBy by = groupBy == null ? Statistics.GroupBy.MONTH
                : Values.enumValue("groupBy", groupBy, Statistics.GroupBy.class);
        Measure only = Values.enumValue("measure", measure, Measure.class);
        return statistics.stats(by, country == null ? null : Streams.country(country), only);
    }
}
