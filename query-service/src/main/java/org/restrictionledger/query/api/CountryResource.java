package org.restrictionledger.query.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.projection.PlatformStatusRow;
import org.restrictionledger.query.projection.ProjectedEvent;
import org.restrictionledger.support.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The dashboards' view of one country: the status of each platform, now or on a past date. */
@Path("/api/v1/countries/{country}/platforms")
@Produces(MediaType.APPLICATION_JSON)
public class CountryResource {

    public record CountryPlatforms(String country, String countryName, LocalDate asOf, List<StreamStatus> platforms) {
    }

    @GET
    @Operation(summary = "The status of every platform with a record in the country")
    public CountryPlatforms platforms(
            @PathParam("country") String country,
            @Parameter(description = "valid-time date YYYY-MM-DD: the status as it was on that day")
            @QueryParam("asOf") String asOf) {
        String code = country(country);
        if (asOf == null) {
            return new CountryPlatforms(code, Countries.nameOf(code), null, PlatformStatusRow.ofCountry(code));
        }
        LocalDate date = date("asOf", asOf);
        Map<String, List<RecordedEvent>> byStream = ProjectedEvent.ofCountry(code).stream()
                .collect(Collectors.groupingBy(e -> e.stream().toString(), TreeMap::new, Collectors.toList()));
        List<StreamStatus> statuses = byStream.entrySet().stream()
                .map(e -> StatusFold.fold(StreamId.parse(e.getKey()), e.getValue(), date))
                .filter(s -> !s.activeMeasures().isEmpty() || s.since() != null || s.promoted() || !s.fines().isEmpty())
                .toList();
        return new CountryPlatforms(code, Countries.nameOf(code), date, statuses);
    }

    @GET
    @Path("{platform}")
    @Operation(summary = "The current status of one platform in the country")
    public StreamStatus platform(@PathParam("country") String country, @PathParam("platform") String platform) {
        String code = country(country);
        String slug = Platforms.resolve(platform)
                .orElseThrow(() -> ProblemException.notFound("unknown platform '" + platform + "'")).slug();
        PlatformStatusRow row = PlatformStatusRow.findById(new StreamId(code, slug).toString());
        if (row == null) {
            throw ProblemException.notFound("no record of " + slug + " in " + code);
        }
        return row.toStatus();
    }

    static String country(String text) {
        return Countries.resolve(text).orElseThrow(() -> ProblemException.notFound("unknown country '" + text + "'"));
    }

    static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + text + "' is not a date like 2026-02-12");
        }
    }
}
