package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Time travel before a stream's first fact: the stream was open then, and the answer says so (200, OPEN, when the
 * first fact takes effect), which a dashboard can tell from a platform never recorded (404).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class TimeTravelTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final TestEvents events = new TestEvents();
    private final String cc = events.country;

    @Test
    void beforeTheFirstFactAStreamIsOpenAndSaysWhenItsFirstFactIs() {
        Instant beforeAnything = Instant.now().minus(1, ChronoUnit.SECONDS);
        events.publish("telegram", new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Regulator", null, "reason",
                new Effective(LocalDate.of(2025, 6, 1), Precision.MONTH), SOURCES));
        events.awaitVersion("telegram", 1);
        String path = "/api/v1/countries/" + cc + "/platforms/telegram";

        given().when().get(path).then().statusCode(200)
                .body("status", equalTo("BLOCKED"))
                .body("firstFact.date", equalTo("2025-06-01"))
                .body("firstFact.precision", equalTo("MONTH"));
        given().queryParam("asOf", "2020-01-01").when().get(path).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("activeMeasures", empty())
                .body("since", nullValue())
                .body("firstFact.date", equalTo("2025-06-01"));
        given().queryParam("asOf", "2025-06-01").when().get(path).then().statusCode(200)
                .body("status", equalTo("BLOCKED"));
        // Known at a time before the ledger recorded anything of the stream: nothing was known, so no first fact.
        given().queryParam("knownAt", beforeAnything.toString()).when().get(path).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("firstFact", nullValue())
                .body("version", equalTo(0));

        // A platform never recorded in the country stays 404, whatever the time.
        given().queryParam("asOf", "2020-01-01").when().get("/api/v1/countries/" + cc + "/platforms/signal")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/countries/" + cc + "/platforms/signal").then().statusCode(404);

        // The lists include the stream the same way.
        given().queryParam("asOf", "2020-01-01").when().get("/api/v1/countries/" + cc + "/platforms").then().statusCode(200)
                .body("platforms.stream", equalTo(List.of(cc + "/telegram")))
                .body("platforms[0].status", equalTo("OPEN"))
                .body("platforms[0].firstFact.date", equalTo("2025-06-01"));
        given().queryParam("knownAt", beforeAnything.toString()).when().get("/api/v1/countries/" + cc + "/platforms")
                .then().statusCode(200)
                .body("platforms.stream", equalTo(List.of(cc + "/telegram")))
                .body("platforms[0].firstFact", nullValue());
        given().queryParam("asOf", "2020-01-01").when().get("/api/v1/platforms/telegram/countries").then().statusCode(200)
                .body("countries.stream", hasItem(cc + "/telegram"));
    }
}
