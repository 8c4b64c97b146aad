package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fines far beyond what a long, a 128-bit integer or a double can hold come out exactly as they went in. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class AmountsTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));
    /** 10^40 + 0.25 and 10^40 + 0.50: 41 digits before the point. */
    private static final String FIRST = "1" + "0".repeat(39) + "0.25";
    private static final String SECOND = "1" + "0".repeat(39) + "0.50";
    /** Their sum: a double would have made it 2.0E40. */
    private static final String BOTH = "2" + "0".repeat(39) + "0.75";
    /** 99 nines and a cent: the contract's bound is 100 digits before the point. */
    private static final String LARGEST = "9".repeat(99) + ".01";

    private final TestEvents events = new TestEvents();
    private final String cc = events.country;

    private static Effective day(int y, int m, int d) {
        return Effective.day(LocalDate.of(y, m, d));
    }

    @Test
    void hugeAmountsRoundTripExactlyThroughDetailFinesTotalsAndCsv() {
        RecordedEvent paid = events.publish("vk", new FineImposed(new BigDecimal(FIRST), "RUB", "Court", null,
                "content", day(2024, 1, 10), SOURCES));
        events.publish("vk", new FineImposed(new BigDecimal(SECOND), "RUB", "Court", null, null, day(2024, 2, 10), SOURCES));
        events.publish("vk", new FineImposed(new BigDecimal(LARGEST), "USD", "Court", null, null, day(2024, 3, 10), SOURCES));
        events.publish("vk", new FinePaid(paid.eventId(), null, null, day(2024, 4, 1), SOURCES));
        events.awaitVersion("vk", 4);

        given().when().get("/api/v1/countries/" + cc + "/platforms/vk").then().statusCode(200)
                .body("fines[0].amount.amount", equalTo(FIRST))
                .body("fines[1].amount.amount", equalTo(SECOND))
                .body("fines[2].amount.amount", equalTo(LARGEST))
                .body("fineSummary.totals.find { it.currency == 'RUB' }.amount", equalTo(BOTH))
                .body("fineSummary.outstanding.find { it.currency == 'RUB' }.amount", equalTo(SECOND));

        given().queryParam("country", cc).when().get("/api/v1/fines").then().statusCode(200)
                .body("count", equalTo(3))
                .body("totals.find { it.currency == 'RUB' }.amount", equalTo(BOTH))
                .body("totals.find { it.currency == 'USD' }.amount", equalTo(LARGEST))
                .body("outstanding.find { it.currency == 'RUB' }.amount", equalTo(SECOND))
                .body("fines.amount.amount", equalTo(List.of(FIRST, SECOND, LARGEST)));

        JsonPath world = given().when().get("/api/v1/countries").then().statusCode(200).extract().jsonPath();
        assertEquals(BOTH, world.getString("countries.find { it.country == '" + cc + "' }.fineTotals.find { it.currency == 'RUB' }.amount"));

        given().when().get("/api/v1/countries/" + cc + "/timeline").then().statusCode(200)
                .body("items[0].event.amount", equalTo(FIRST));

        String fines = given().accept("text/csv").queryParam("country", cc).when().get("/api/v1/fines")
                .then().statusCode(200).extract().asString();
        assertTrue(fines.contains("," + FIRST + ",RUB,PAID,"), fines);
        assertTrue(fines.contains("," + LARGEST + ",USD,OUTSTANDING,"), fines);
        String platforms = given().accept("text/csv").when().get("/api/v1/countries/" + cc + "/platforms")
                .then().statusCode(200).extract().asString();
        assertTrue(platforms.contains(BOTH + " RUB;" + LARGEST + " USD"), platforms);
        String timeline = given().accept("text/csv").when().get("/api/v1/countries/" + cc + "/timeline")
                .then().statusCode(200).extract().asString();
        assertTrue(timeline.contains("," + SECOND + ",RUB,"), timeline);
    }
}
