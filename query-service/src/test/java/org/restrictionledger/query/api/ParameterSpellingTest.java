package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Enum parameters are read as ingest reads them (any case, hyphen or space for underscore), and a bad one is refused
 * with the one message shape of every edge: the value, then the constants expected.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ParameterSpellingTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final TestEvents events = new TestEvents();

    @Test
    void enumsTakeEverySpellingIngestTakes() {
        events.publish("whatsapp", new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Roskomnadzor", null, null,
                Effective.day(LocalDate.of(2026, 2, 1)), SOURCES));
        events.publish("whatsapp", new FineImposed(new BigDecimal("5.00"), "EUR", "Court", null, null,
                Effective.day(LocalDate.of(2025, 1, 1)), SOURCES));
        events.awaitVersion("whatsapp", 2);

        for (String spelling : List.of("full-block", "Full Block", "FULL_BLOCK", " full_block ")) {
            given().queryParam("country", events.country).queryParam("measure", spelling).queryParam("groupBy", "Year")
                    .when().get("/api/v1/stats")
                    .then().statusCode(200).body("measure", equalTo("FULL_BLOCK")).body("groupBy", equalTo("YEAR"))
                    .body("periods.period", equalTo(List.of("2026")));
        }
        for (String spelling : List.of("outstanding", "Outstanding", "OUTSTANDING")) {
            given().queryParam("country", events.country).queryParam("status", spelling).when().get("/api/v1/fines")
                    .then().statusCode(200).body("count", equalTo(1));
        }
        given().queryParam("status", "Blocked").queryParam("sort", "Fines").when().get("/")
                .then().statusCode(200);
    }

    private static String names(Enum<?>[] constants) {
        return String.join(", ", Arrays.stream(constants).map(Enum::name).toList());
    }

    @Test
    void aBadEnumIsOneShapeEverywhere() {
        given().queryParam("measure", "total-ban").when().get("/api/v1/stats")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("measure"))
                .body("errors[0].reason", equalTo("'total-ban': expected one of " + names(Measure.values())));
        given().queryParam("groupBy", "week").when().get("/api/v1/stats")
                .then().statusCode(400).body("errors[0].reason", equalTo("'week': expected one of MONTH, YEAR"));
        given().queryParam("status", "lost").when().get("/api/v1/fines")
                .then().statusCode(400).body("errors[0].reason", equalTo("'lost': expected one of OUTSTANDING, PAID, ANNULLED"));
        given().queryParam("status", "closed").when().get("/")
                .then().statusCode(400).body("errors[0].reason",
                        equalTo("'closed': expected one of " + names(Status.values())));
        given().when().get("/api/v1/fines?country=Atlantis").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("unknown country 'Atlantis'"));
    }
}
