package org.restrictionledger.query.web;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page as a browser without JavaScript gets it: server-rendered HTML from the real read model, under a
 * strict Content-Security-Policy. (StatusPageIT in e2e-tests drives it in a real Chromium.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class StatusPagesTest {

    private static final List<Source> SOURCES = List.of(new Source("https://example.org/news", "Example News", null),
            new Source("javascript:alert(1)", "Not a link", null));

    private final TestEvents events = new TestEvents();
    private final String cc = events.country;

    private static Effective day(int y, int m, int d) {
        return Effective.day(LocalDate.of(y, m, d));
    }

    private String page(String path) {
        return given().when().get(path).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .extract().asString();
    }

    @Test
    void theWorldCountryAndPlatformPagesAreServerRendered() {
        events.publish("whatsapp", new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("voice_calls"), "Regulator",
                null, "calls", day(2025, 6, 1), SOURCES));
        events.publish("whatsapp", new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Kremlin", null, "law",
                day(2026, 2, 12), SOURCES));
        events.publish("whatsapp", new FineImposed(new BigDecimal("4000000.00"), "RUB", "Tagansky Court", null,
                "content", day(2025, 3, 1), SOURCES));
        events.awaitVersion("whatsapp", 3);

        String world = page("/");
        assertTrue(world.contains("<tr data-country=\"" + cc + "\" data-status=\"BLOCKED\">"), "the table row");
        assertTrue(world.contains("/api/v1/countries?format=csv"), "the CSV link");

        String country = page("/countries/" + cc);
        assertTrue(country.contains("<h1>" + Countries.nameOf(cc)));
        assertTrue(country.contains("<tr data-platform=\"whatsapp\" data-status=\"BLOCKED\">"));
        assertTrue(country.contains("4,000,000.00 RUB"), "the fine and its total");
        assertTrue(country.contains("<a href=\"https://example.org/news\" rel=\"noopener noreferrer\">Example News</a>"));
        assertFalse(country.contains("href=\"javascript:"), "only http(s) sources become links");
        assertTrue(country.contains("/api/v1/countries/" + cc + "/timeline?format=csv"));

        String before = page("/countries/" + cc + "?asOf=2026-01-31");
        assertTrue(before.contains("<tr data-platform=\"whatsapp\" data-status=\"RESTRICTED\">"), "before the block");
        assertTrue(before.contains("value=\"2026-01-31\""), "the date control keeps the day");

        String platform = page("/platforms/WhatsApp");
        assertTrue(platform.contains("<tr data-country=\"" + cc + "\" data-status=\"BLOCKED\">"));
        given().when().get("/api/v1/platforms/whatsapp/countries?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(containsString(cc + ",whatsapp,BLOCKED"));

        String filtered = page("/?platform=whatsapp&status=blocked&sort=country");
        assertTrue(filtered.contains("<tr data-country=\"" + cc + "\" data-status=\"BLOCKED\">"));
        assertFalse(page("/?status=THROTTLED").contains("<tr data-country=\"" + cc + "\""), "filtered out by status");
    }

    @Test
    void aCorrectionIsShownAsOneAndTheRetractedEntryStruckThrough() {
        RecordedEvent throttled = events.publish("youtube", new RestrictionImposed(Measure.THROTTLING, List.of(),
                "Regulator", null, "slow", day(2024, 8, 1), SOURCES));
        events.publish("youtube", new RecordCorrected(throttled.eventId(), RecordCorrected.Action.RETRACT, null,
                "misreported", day(2024, 8, 1), SOURCES));
        events.awaitVersion("youtube", 2);

        String country = page("/countries/" + cc);
        assertTrue(country.contains("<del>Throttling</del>"));
        assertTrue(country.contains("Retracted by a later correction: misreported"));
        assertTrue(country.contains("<span class=\"tag\">Correction</span>"));
    }

    @Test
    void noInlineScriptOrStyleSoTheCspCanForbidThem() {
        String world = page("/");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(world).find(), "no inline <script>");
        assertFalse(Pattern.compile("\\sstyle=|<style|\\son[a-z]+=").matcher(world).find(), "no inline style or handler");
        given().when().get("/static/status.js").then().statusCode(200);
        given().when().get("/static/status.css").then().statusCode(200);
    }

    @Test
    void badParametersAreProblemsThatNameThem() {
        given().when().get("/?asOf=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        given().when().get("/?status=closed").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().when().get("/countries/Atlantis").then().statusCode(404)
                .contentType("application/problem+json").body(not(containsString("<html")));
    }
}
