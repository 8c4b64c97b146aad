package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Measure;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.net.URL;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.restrictionledger.query.TestEvents.imposed;

/**
 * ETags per representation: a URL's tag changes when its body would, and only then. A change to one stream leaves the
 * tags of the country's other streams, of other countries and of other platforms as they were (still 304), and
 * changes those of the lists that contain it; JSON and CSV of the same data are tagged apart; a backdated event changes
 * the past views of its stream.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class EtagScopeTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void aChangeToOneStreamChangesTheTagsOfWhatContainsItAndOfNothingElse() {
        TestEvents here = new TestEvents();
        TestEvents elsewhere = new TestEvents();
        String cc = here.country;
        here.publish("telegram", imposed(Measure.THROTTLING, LocalDate.of(2025, 1, 1)));
        here.publish("whatsapp", imposed(Measure.FULL_BLOCK, LocalDate.of(2025, 2, 1)));
        elsewhere.publish("whatsapp", imposed(Measure.FEATURE_LIMIT, LocalDate.of(2025, 3, 1)));
        here.awaitVersion("telegram", 1);
        here.awaitVersion("whatsapp", 1);
        elsewhere.awaitVersion("whatsapp", 1);
        awaitThePollerHasReadTheStore();

        Map<String, String> unaffected = new LinkedHashMap<>();
        unaffected.put("/api/v1/countries/" + cc + "/platforms/whatsapp", "application/json");
        unaffected.put("/api/v1/countries/" + cc + "/platforms/whatsapp?asOf=2025-06-01", "application/json");
        unaffected.put("/api/v1/countries/" + cc + "/timeline?platform=whatsapp", "application/json");
        unaffected.put("/api/v1/countries/" + elsewhere.country + "/platforms/whatsapp", "application/json");
        unaffected.put("/api/v1/countries/" + elsewhere.country + "/platforms", "application/json");
        unaffected.put("/api/v1/countries/" + elsewhere.country + "/platforms?format=csv", "text/csv");
        unaffected.put("/api/v1/fines?country=" + elsewhere.country, "application/json");
        unaffected.put("/api/v1/platforms/whatsapp/countries", "application/json");
        Map<String, String> affected = new LinkedHashMap<>();
        affected.put("/api/v1/countries/" + cc + "/platforms", "application/json");
        affected.put("/api/v1/countries/" + cc + "/platforms", "text/csv");
        affected.put("/api/v1/countries/" + cc + "/platforms/telegram", "application/json");
        affected.put("/api/v1/countries/" + cc + "/timeline", "application/json");
        affected.put("/api/v1/platforms/telegram/countries", "application/json");
        affected.put("/api/v1/countries", "application/json");
        Map<String, String> before = new LinkedHashMap<>();
        unaffected.forEach((path, type) -> before.put(path + " " + type, tag(path, type)));
        Map<String, String> affectedBefore = new LinkedHashMap<>();
        affected.forEach((path, type) -> affectedBefore.put(path + " " + type, tag(path, type)));

        // The same data as JSON and as CSV are two representations, with two tags.
        assertNotEquals(tag("/api/v1/countries/" + cc + "/platforms", "application/json"),
                tag("/api/v1/countries/" + cc + "/platforms", "text/csv"));
        assertNotEquals(tag("/api/v1/countries/" + cc + "/platforms", "application/json"),
                tag("/api/v1/countries/" + cc + "/platforms?format=csv", "*/*"));
        // Asking for JSON in other words is the same representation.
        assertEquals(tag("/api/v1/countries/" + cc + "/platforms", "application/json"),
                tag("/api/v1/countries/" + cc + "/platforms", "*/*"));

        here.publish("telegram", imposed(Measure.FULL_BLOCK, LocalDate.of(2025, 4, 1)));
        here.awaitVersion("telegram", 2);
        awaitThePollerHasReadTheStore();

        unaffected.forEach((path, type) -> given().accept(type).header("If-None-Match", before.get(path + " " + type))
                .when().get(path).then().statusCode(304));
        affected.forEach((path, type) -> {
            String old = affectedBefore.get(path + " " + type);
            given().accept(type).header("If-None-Match", old).when().get(path).then().statusCode(200);
            assertNotEquals(old, tag(path, type), path + " as " + type);
        });
    }

    @Test
    void aBackdatedEventChangesThePastViewsOfItsStream() {
        TestEvents events = new TestEvents();
        String path = "/api/v1/countries/" + events.country + "/platforms/signal";
        events.publish("signal", imposed(Measure.THROTTLING, LocalDate.of(2025, 5, 1)));
        events.awaitVersion("signal", 1);
        awaitThePollerHasReadTheStore();
        String past = given().queryParam("asOf", "2025-06-01").when().get(path).then().statusCode(200)
                .body("status", equalTo("THROTTLED")).extract().header("ETag");
        given().queryParam("asOf", "2025-06-01").header("If-None-Match", past).when().get(path).then().statusCode(304);

        // Reported today, in effect since before that day: the past view changes, and so does its tag.
        events.publish("signal", imposed(Measure.FULL_BLOCK, LocalDate.of(2025, 5, 15)));
        events.awaitVersion("signal", 2);
        awaitThePollerHasReadTheStore();
        given().queryParam("asOf", "2025-06-01").header("If-None-Match", past).when().get(path).then().statusCode(200)
                .body("status", equalTo("BLOCKED"));
    }

    @Test
    void aReadYourWritesRequestIsNeverAnswered304WithAnOlderVersion() {
        TestEvents events = new TestEvents();
        String path = "/api/v1/countries/" + events.country + "/platforms/viber";
        events.publish("viber", imposed(Measure.THROTTLING, LocalDate.of(2025, 5, 1)));
        events.awaitVersion("viber", 1);
        awaitThePollerHasReadTheStore();
        String v1 = given().when().get(path).then().statusCode(200).extract().header("ETag");

        events.publish("viber", imposed(Measure.FULL_BLOCK, LocalDate.of(2025, 6, 1)));
        // Whether or not the poller has read version 2 yet, asking for it with the old tag gets the body.
        given().queryParam("minVersion", 2).header("If-None-Match", v1).when().get(path).then().statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void aHeadRequestCarriesTheTagOfItsGetAndIsAnswered304ByIt() {
        // RFC 9110 9.3.2: HEAD answers the header fields GET would. Pollers that check a tag with HEAD got 200 with
        // no ETag and Cache-Control: no-store, so they could never revalidate.
        TestEvents events = new TestEvents();
        String path = "/api/v1/countries/" + events.country + "/platforms/signal";
        events.publish("signal", imposed(Measure.THROTTLING, LocalDate.of(2025, 5, 1)));
        events.awaitVersion("signal", 1);
        awaitThePollerHasReadTheStore();
        String get = given().when().get(path).then().statusCode(200).extract().header("ETag");

        given().when().head(path).then().statusCode(200)
                .header("ETag", equalTo(get))
                .header("Cache-Control", equalTo("no-cache"))
                .header("Last-Modified", org.hamcrest.Matchers.notNullValue());
        given().header("If-None-Match", get).when().head(path).then().statusCode(304).header("ETag", equalTo(get));
    }

    private static String tag(String path, String accept) {
        return given().accept(accept).when().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** ETags follow the change log as the poller reads it (every 0.5 s). */
    private void awaitThePollerHasReadTheStore() {
        Metrics.awaitThePollerHasReadTheStore(metrics);
    }
}
