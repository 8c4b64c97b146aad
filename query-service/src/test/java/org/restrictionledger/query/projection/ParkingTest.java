package org.restrictionledger.query.projection;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event that cannot be projected for a reason of its own parks its stream: the stream's later events wait in
 * order, every other stream flows, the projection lists it, and a re-drive after the fix applies them exactly once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ParkingTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    /** The test database as the server's superuser: the service's own role may not alter its tables. */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static RestrictionImposed imposed(Measure measure, String reason) {
        return new RestrictionImposed(measure, List.of(), "Roskomnadzor", null, reason,
                Effective.day(LocalDate.of(2026, 2, 1)), SOURCES);
    }

    private static RestrictionLifted lifted(RecordedEvent imposed, Measure measure) {
        return new RestrictionLifted(imposed.eventId(), measure, "Roskomnadzor", null,
                Effective.day(LocalDate.of(2026, 3, 1)), SOURCES);
    }

    private static Map<String, Object> parked(String stream) {
        List<Map<String, Object>> parked = given().when().get("/api/v1/projection").then().statusCode(200)
                .extract().jsonPath().getList("parked");
        return parked.stream().filter(p -> stream.equals(p.get("stream"))).findFirst().orElse(null);
    }

    private void sql(String statement) throws Exception {
        PostgresServer server = TestInfrastructure.postgres();
        try (Connection c = DriverManager.getConnection(jdbcUrl, server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aStreamTheDatabaseRefusesIsParkedInOrderAndRedrivenExactlyOnceAfterTheFix() throws Exception {
        TestEvents events = new TestEvents();
        String poisoned = events.stream("parked-" + events.country.toLowerCase()).toString();
        RecordedEvent throttling;
        // The "bug": a constraint that refuses this stream's rows, as a broken migration would.
        sql("ALTER TABLE projected_events ADD CONSTRAINT parking_test CHECK (stream_id <> '" + poisoned + "')");
        try {
            RecordedEvent first = events.publish("parked-" + events.country.toLowerCase(), imposed(Measure.FULL_BLOCK, "first"));
            events.publish("parked-" + events.country.toLowerCase(), lifted(first, Measure.FULL_BLOCK));
            throttling = events.publish("parked-" + events.country.toLowerCase(), imposed(Measure.THROTTLING, "third"));
            events.publish("telegram", imposed(Measure.FULL_BLOCK, "flows on"));

            events.awaitVersion("telegram", 1);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Object> p = parked(poisoned);
                assertNotNull(p, "parked");
                assertEquals(1, ((Number) p.get("streamVersion")).intValue());
                assertEquals(3, ((Number) p.get("waiting")).intValue());
                assertTrue(((String) p.get("reason")).contains("23514"), (String) p.get("reason"));
            });
            given().when().get("/api/v1/countries/" + events.country + "/platforms/parked-" + events.country.toLowerCase())
                    .then().statusCode(404);
            given().when().get(live.toString()).then().statusCode(200);
            given().when().get(ready.toString()).then().statusCode(200)
                    .body("checks.find { it.name == 'projection' }.data.parkedStreams", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

            // Re-driving before the fix changes nothing but the count of attempts.
            JsonPath again = given().auth().oauth2(TestTokens.operator()).queryParam("stream", poisoned).when().post("/api/v1/projection/parked/redrive")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(true, again.getBoolean("[0].stillParked"));
            assertEquals(2, ((Number) parked(poisoned).get("attempts")).intValue());
        } finally {
            sql("ALTER TABLE projected_events DROP CONSTRAINT IF EXISTS parking_test");
        }

        JsonPath redriven = given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/projection/parked/redrive")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = redriven.<Map<String, Object>>getList("")
                .stream().filter(r -> poisoned.equals(r.get("stream"))).toList();
        assertEquals(1, mine.size(), redriven.prettify());
        assertEquals(3, ((Number) mine.get(0).get("applied")).intValue());
        events.awaitVersion("parked-" + events.country.toLowerCase(), 3);
        given().when().get("/api/v1/countries/" + events.country + "/platforms/parked-" + events.country.toLowerCase())
                .then().body("status", equalTo("THROTTLED"));
        assertEquals(null, parked(poisoned));

        // Applied exactly once: a second re-drive finds nothing, and the next live event lands as v4.
        given().auth().oauth2(TestTokens.operator()).queryParam("stream", poisoned).when().post("/api/v1/projection/parked/redrive")
                .then().statusCode(200).body("size()", equalTo(0));
        events.publish("parked-" + events.country.toLowerCase(), lifted(throttling, Measure.THROTTLING));
        events.awaitVersion("parked-" + events.country.toLowerCase(), 4);
        given().when().get("/api/v1/countries/" + events.country + "/timeline")
                .then().statusCode(200).body("items.findAll { it.stream.startsWith('" + poisoned + "') }.size()", equalTo(4));
    }

    @Test
    void anEventWithTextTheDatabaseCannotStoreParksItsStreamAndNothingElse() {
        TestEvents events = new TestEvents();
        RecordedEvent nul = events.publish("whatsapp", imposed(Measure.FULL_BLOCK, "a\u0000b"));
        events.publish("whatsapp", lifted(nul, Measure.FULL_BLOCK));
        events.publish("facebook", imposed(Measure.FULL_BLOCK, "ordinary"));
        events.awaitVersion("facebook", 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> p = parked(nul.stream().toString());
            assertNotNull(p);
            assertEquals(nul.eventId().toString(), p.get("eventId"));
            assertEquals(2, ((Number) p.get("waiting")).intValue());
        });
    }

    @Test
    void aMalformedStreamToRedriveIsA400NamingIt() {
        given().auth().oauth2(TestTokens.operator()).queryParam("stream", "not a stream").when().post("/api/v1/projection/parked/redrive")
                .then().statusCode(400).body("errors[0].field", equalTo("stream"));
    }
}
