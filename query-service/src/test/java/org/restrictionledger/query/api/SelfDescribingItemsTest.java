package org.restrictionledger.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every status item names its country and platform, by code and by name, wherever it appears (a country's list, a
 * platform across countries, the detail, the live stream); and absent members are left out, not written as null.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class SelfDescribingItemsTest {

    private final TestEvents events = new TestEvents();
    private final String cc = events.country;

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    private static RestrictionImposed block() {
        return new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Regulator", null, "reason",
                Effective.day(LocalDate.of(2026, 2, 1)), List.of(new Source(null, "Example News", null)));
    }

    private void assertNamed(Map<String, Object> item, String platform, String platformName) {
        assertEquals(cc, item.get("country"), item::toString);
        assertEquals(Countries.nameOf(cc), item.get("countryName"), item::toString);
        assertEquals(platform, item.get("platform"), item::toString);
        assertEquals(platformName, item.get("platformName"), item::toString);
        assertEquals(cc + "/" + platform, item.get("stream"), item::toString);
    }

    @Test
    void everyStatusItemNamesItsCountryAndPlatform() throws Exception {
        // A change seen on the live stream carries the names too: listen before publishing.
        HttpResponse<InputStream> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stream + "?after=0")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, live.statusCode());
        CompletableFuture<String> change =
                CompletableFuture.supplyAsync(() -> firstData(live.body(), cc + "/telegram"));

        // A platform in the catalogue (display name from it) and one that is not (its slug is its name).
        events.publish("telegram", block());
        events.publish("village-forum", block());
        events.awaitVersion("telegram", 1);
        events.awaitVersion("village-forum", 1);

        JsonPath list = given().when().get("/api/v1/countries/" + cc + "/platforms").then().statusCode(200)
                .extract().jsonPath();
        assertNamed(list.getMap("platforms.find { it.platform == 'telegram' }"), "telegram", "Telegram");
        assertNamed(list.getMap("platforms.find { it.platform == 'village-forum' }"), "village-forum", "village-forum");

        assertNamed(given().when().get("/api/v1/countries/" + cc + "/platforms/telegram").then().statusCode(200)
                .extract().jsonPath().getMap("$"), "telegram", "Telegram");
        assertNamed(given().when().get("/api/v1/platforms/telegram/countries").then().statusCode(200)
                .extract().jsonPath().getMap("countries.find { it.country == '" + cc + "' }"), "telegram", "Telegram");

        JsonNode data = Json.tree(change.get(60, TimeUnit.SECONDS));
        assertEquals(cc, data.path("country").asText());
        assertEquals(Countries.nameOf(cc), data.path("countryName").asText());
        assertEquals("telegram", data.path("platform").asText());
        assertEquals("Telegram", data.path("platformName").asText());
        assertEquals("BLOCKED", data.path("status").asText());
    }

    @Test
    void absentMembersAreLeftOutNotWrittenAsNull() {
        events.publish("signal", block());
        events.awaitVersion("signal", 1);
        String country = given().when().get("/api/v1/countries/" + cc + "/platforms").then().statusCode(200)
                .extract().asString();
        JsonNode document = Json.tree(country);
        // No asOf, no knownAt asked: not there (rather than "asOf": null); nor a promotion that does not exist.
        assertFalse(document.has("asOf"), country);
        assertFalse(document.has("knownAt"), country);
        JsonNode item = document.path("platforms").get(0);
        assertNotNull(item, country);
        assertFalse(item.has("promotion"), country);
        assertFalse(country.contains(":null"), country);
        // Empty lists are answers ("no fines"), not absences: they stay.
        assertEquals(0, item.path("fines").size());
        assertFalse(item.path("fines").isMissingNode(), country);
    }

    private static String firstData(InputStream body, String streamId) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:") && line.contains("\"" + streamId + "\"")) {
                    return line.substring("data:".length()).strip();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
