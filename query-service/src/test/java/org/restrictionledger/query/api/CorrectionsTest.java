package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A correction reported years after the event it corrects sits next to that event in the timeline and in the stats,
 * not on the day it was reported; its own date and recording time stay visible.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class CorrectionsTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final TestEvents events = new TestEvents();
    private final String cc = events.country;

    private static RestrictionImposed imposed(Measure measure, Effective effective) {
        return new RestrictionImposed(measure, List.of(), "Regulator", null, null, effective, SOURCES);
    }

    @Test
    void aCorrectionSitsWithWhatItCorrects() {
        Effective march2019 = new Effective(LocalDate.of(2019, 3, 1), Precision.MONTH);
        RecordedEvent original = events.publish("line", imposed(Measure.FULL_BLOCK, march2019));
        RecordedEvent later = events.publish("line", imposed(Measure.THROTTLING, Effective.day(LocalDate.of(2024, 5, 1))));
        // Reported in 2026: it was a throttling, not a block.
        RecordedEvent amendment = events.publish("line", new RecordCorrected(original.eventId(), RecordCorrected.Action.AMEND,
                imposed(Measure.THROTTLING, march2019), "misreported", Effective.day(LocalDate.of(2026, 11, 1)), SOURCES));
        events.awaitVersion("line", 3);

        String timeline = "/api/v1/countries/" + cc + "/timeline";
        JsonPath page = given().when().get(timeline).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(original.eventId().toString(), amendment.eventId().toString(), later.eventId().toString()),
                page.getList("items.eventId"));
        assertEquals("2019-03-01", page.getString("items[1].effective.date"));
        assertEquals("MONTH", page.getString("items[1].effective.precision"));
        assertEquals("2026-11-01", page.getString("items[1].event.effective.date"), "its own date stays in the event");
        assertEquals(amendment.recordedAt(), java.time.Instant.parse(page.getString("items[1].recordedAt")));
        assertEquals(amendment.eventId().toString(), page.getString("items[0].correctedBy.eventId"));

        // Filters and pages follow the position too.
        given().queryParam("from", "2019-01-01").queryParam("to", "2019-12-31").when().get(timeline).then()
                .statusCode(200).body("items.eventId", equalTo(List.of(original.eventId().toString(),
                        amendment.eventId().toString())));
        given().queryParam("from", "2026-01-01").when().get(timeline).then().statusCode(200).body("items.size()", equalTo(0));
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath one = request.when().get(timeline).then().statusCode(200).extract().jsonPath();
            walked.addAll(one.getList("items.eventId"));
            cursor = one.getString("nextCursor");
        } while (cursor != null);
        assertEquals(page.getList("items.eventId"), walked);

        String csv = given().queryParam("format", "csv").when().get(timeline).then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\r\n2019-03-01,MONTH," + cc + "/line,record.corrected," + amendment.eventId()), csv);

        // The stats count the corrected event where it belongs, and nothing in the year the correction was made.
        given().queryParam("country", cc).queryParam("groupBy", "year").when().get("/api/v1/stats").then()
                .statusCode(200)
                .body("periods.period", equalTo(List.of("2019", "2024")))
                .body("periods.imposed", equalTo(List.of(1, 1)));
        given().queryParam("country", cc).queryParam("measure", "THROTTLING").queryParam("groupBy", "year")
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("periods.period", equalTo(List.of("2019", "2024")));
        given().queryParam("country", cc).queryParam("measure", "FULL_BLOCK").when().get("/api/v1/stats").then()
                .statusCode(200).body("periods.size()", equalTo(0));
    }
}
