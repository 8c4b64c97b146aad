package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Measure;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.restrictionledger.query.TestEvents.imposed;

/**
 * A 200 JSON body is sent again from memory while its tag stands, and never once a write of this instance could have
 * changed it: what a client saw through {@code minVersion} it sees in every list afterwards.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class BodyCacheTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void aPolledListIsSentFromMemoryByteForByteUntilItsTagChanges() {
        TestEvents events = new TestEvents();
        String list = "/api/v1/countries/" + events.country + "/platforms";
        events.publish("telegram", imposed(Measure.THROTTLING, LocalDate.of(2025, 1, 1)));
        events.awaitVersion("telegram", 1);
        Metrics.awaitThePollerHasReadTheStore(metrics);

        ExtractableResponse<Response> first = given().when().get(list).then().statusCode(200).extract();
        double hits = hits();
        ExtractableResponse<Response> second = given().when().get(list).then().statusCode(200)
                .header("Content-Type", equalTo("application/json"))
                .header("Cache-Control", equalTo("no-cache")).extract();
        assertEquals(hits + 1, hits(), "the second GET of the same tag is a hit");
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.header("Last-Modified"), second.header("Last-Modified"));
        assertArrayEquals(first.asByteArray(), second.asByteArray());

        // CSV and read-your-writes requests are never answered from it.
        given().accept("text/csv").when().get(list).then().statusCode(200);
        given().queryParam("minVersion", 1).when().get(list + "/telegram").then().statusCode(200);
        assertEquals(hits + 1, hits());

        events.publish("telegram", imposed(Measure.FULL_BLOCK, LocalDate.of(2025, 2, 1)));
        events.awaitVersion("telegram", 2);
        given().when().get(list).then().statusCode(200).body("platforms[0].version", equalTo(2));
    }

    @Test
    void whatAClientSawThroughMinVersionIsInEveryListItReadsNext() {
        TestEvents events = new TestEvents();
        String list = "/api/v1/countries/" + events.country + "/platforms";
        events.publish("telegram", imposed(Measure.THROTTLING, LocalDate.of(2025, 1, 1)));
        events.awaitVersion("telegram", 1);
        Metrics.awaitThePollerHasReadTheStore(metrics);
        given().when().get(list).then().statusCode(200);
        given().when().get(list).then().statusCode(200); // now cached under the country's tag

        for (String platform : List.of("whatsapp", "signal", "viber", "discord", "skype")) {
            events.publish(platform, imposed(Measure.FULL_BLOCK, LocalDate.of(2025, 3, 1)));
            // The write seen as soon as it is in the store, before the live feed has read the change log...
            given().queryParam("minVersion", 1).when().get(list + "/" + platform).then().statusCode(200)
                    .body("version", equalTo(1));
            // ...is in the list read right after, never an older list from memory.
            given().when().get(list).then().statusCode(200).body("platforms.platform", hasItem(platform));
        }
    }

    @Test
    void adminAnswersAreNeitherTaggedNorKept() {
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/admin/webhooks").then().statusCode(200)
                .header("ETag", nullValue());
        double before = Metrics.value(metrics, "query_http_bodies_total");
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/admin/webhooks").then().statusCode(200);
        assertEquals(before, Metrics.value(metrics, "query_http_bodies_total"));
    }

    private double hits() {
        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();
        double value = scrape.lines().filter(l -> l.startsWith("query_http_bodies_total{") && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(value >= 0);
        return value;
    }
}
