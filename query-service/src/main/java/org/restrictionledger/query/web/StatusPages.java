package org.restrictionledger.query.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The status page for people: {@code GET /} (the world map and its table), {@code GET /countries/{cc}} and
 * {@code GET /platforms/{platform}}, server-rendered from {@code templates/StatusPages/}, so every table works without
 * JavaScript. {@code ?asOf=YYYY-MM-DD} shows any page as in effect that day; on the world page {@code platform},
 * {@code status} and {@code sort} filter and order the table (and the map). {@code /static/status.js} adds live
 * updates from {@code GET /api/v1/stream}. Not in the OpenAPI document: these are pages, not API.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StatusPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance world(WorldPage page);

        static native TemplateInstance country(CountryPage page);

        static native TemplateInstance platform(PlatformPage page);
    }

    private final WorldView world;
    private final CountryView country;

    StatusPages(WorldView world, CountryView country) {
        this.world = world;
        this.country = country;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance world(@QueryParam("asOf") String asOf, @QueryParam("platform") String platform,
                                  @QueryParam("status") String status, @QueryParam("sort") String sort) {
        return Templates.world(world.world(new WorldQuery(PageParams.asOf(asOf), PageParams.platformFilter(platform),
                PageParams.status(status), PageParams.sort(sort))));
    }

    @GET
    @Path("countries/{country}")
    @Operation(hidden = true)
    public TemplateInstance country(@PathParam("country") String code, @QueryParam("asOf") String asOf) {
        return Templates.country(country.country(PageParams.country(code), PageParams.asOf(asOf)));
    }

    @GET
    @Path("platforms/{platform}")
    @Operation(hidden = true)
    public TemplateInstance platform(@PathParam("platform") String platform, @QueryParam("asOf") String asOf) {
        return Templates.platform(world.platform(PageParams.platform(platform), PageParams.asOf(asOf)));
    }
}
