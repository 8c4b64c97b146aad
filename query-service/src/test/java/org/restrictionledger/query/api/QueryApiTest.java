package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboards' API against the real broker and PostgreSQL, events published as the ledger would. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class QueryApiTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final TestEvents events = new TestEvents();

    /** Metrics are on the management interface (its root is /q), not on the API's port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;
    private final String cc = events.country;

    private static RestrictionImposed imposed(Measure measure, Effective effective, String... features) {
        return new RestrictionImposed(measure, List.of(features), "Regulator", null, "reason", effective, SOURCES);
    }

    private static Effective day(int y, int m, int d) {
        return Effective.day(LocalDate.of(y, m, d));
    }

    @Test
    void theWorldViewsCountStatusesAndFines() {
        events.publish("whatsapp", imposed(Measure.FULL_BLOCK, day(2026, 2, 12)));
        events.publish("youtube", imposed(Measure.THROTTLING, day(2024, 8, 1)));
        RecordedEvent fine = events.publish("whatsapp", new FineImposed(new BigDecimal("4000000.00"), "RUB", "Court",
                null, "content", day(2025, 3, 1), SOURCES));
        events.publish("whatsapp", new FineImposed(new BigDecimal("1000000.00"), "RUB", "Court", null, null,
                day(2025, 9, 1), SOURCES));
        events.publish("whatsapp", new FinePaid(fine.eventId(), null, null, day(2025, 4, 1), SOURCES));
        events.publish("max", new AlternativePromoted(List.of("whatsapp"), List.of("payments"), "State", null,
                day(2026, 2, 1), SOURCES));
        events.awaitVersion("whatsapp", 4);
        events.awaitVersion("max", 1);

        JsonPath world = given().when().get("/api/v1/countries").then().statusCode(200).extract().jsonPath();
        String me = "countries.find { it.country == '" + cc + "' }";
        assertEquals(3, world.getInt(me + ".platforms"));
        assertEquals(1, world.getInt(me + ".byStatus.BLOCKED"));
        assertEquals(1, world.getInt(me + ".byStatus.THROTTLED"));
        assertEquals(1, world.getInt(me + ".byStatus.OPEN"));
        assertEquals(1, world.getInt(me + ".promoted"));
        assertEquals(2, world.getInt(me + ".fines"));
        assertEquals("5000000.00", world.getString(me + ".fineTotals[0].amount"));

        given().when().get("/api/v1/platforms/not a platform!/countries").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/platforms/WhatsApp/countries")
                .then().statusCode(200).body("owner", equalTo("Meta Platforms"))
                .body("countries.stream", hasItem(cc + "/whatsapp"));

        given().queryParam("country", cc).when().get("/api/v1/fines")
                .then().statusCode(200)
                .body("count", equalTo(2))
                .body("totals[0].amount", equalTo("5000000.00"))
                .body("outstanding[0].amount", equalTo("1000000.00"));
        given().queryParam("country", cc).queryParam("status", "paid").queryParam("from", "2025-01-01")
                .when().get("/api/v1/fines")
                .then().statusCode(200).body("count", equalTo(1)).body("fines[0].fineId", equalTo(fine.eventId().toString()));
        given().queryParam("status", "lost").when().get("/api/v1/fines")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        given().queryParam("country", cc).queryParam("groupBy", "year").when().get("/api/v1/stats")
                .then().statusCode(200)
                .body("periods.period", equalTo(List.of("2024", "2026")))
                .body("periods.imposed", equalTo(List.of(1, 1)));
        given().queryParam("country", cc).queryParam("measure", "FULL_BLOCK").when().get("/api/v1/stats")
                .then().statusCode(200).body("periods.period", equalTo(List.of("2026-02")));
        given().queryParam("groupBy", "week").when().get("/api/v1/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void aBackdatedReportChangesThePastButKnownAtStillShowsWhatWasKnown() {
        events.publish("telegram", imposed(Measure.THROTTLING, day(2025, 6, 1)));
        events.awaitVersion("telegram", 1);
        Instant beforeBackdating = Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(beforeBackdating));
        // Reported late: the block had started in March 2025.
        events.publish("telegram", imposed(Measure.FULL_BLOCK, new Effective(LocalDate.of(2025, 3, 1), Precision.MONTH)));
        events.awaitVersion("telegram", 2);

        String path = "/api/v1/countries/" + cc + "/platforms/telegram";
        given().queryParam("asOf", "2025-04-15").when().get(path)
                .then().statusCode(200).body("status", equalTo("BLOCKED"));
        // Before the backdated report, nothing was known to be in effect in April: open then, first fact in June.
        given().queryParam("asOf", "2025-04-15").queryParam("knownAt", beforeBackdating.toString()).when().get(path)
                .then().statusCode(200).body("status", equalTo("OPEN")).body("firstFact.date", equalTo("2025-06-01"));
        given().queryParam("asOf", "2025-07-01").queryParam("knownAt", beforeBackdating.toString()).when().get(path)
                .then().statusCode(200).body("status", equalTo("THROTTLED"));
        given().queryParam("knownAt", beforeBackdating.toString()).when().get("/api/v1/countries/" + cc + "/platforms")
                .then().statusCode(200).body("platforms[0].status", equalTo("THROTTLED"))
                .body("knownAt", notNullValue());
        given().queryParam("knownAt", "yesterday").when().get(path)
                .then().statusCode(400).body("errors[0].field", equalTo("knownAt"));
    }

    @Test
    void pollingIsCheapWith304UntilSomethingChanges() {
        events.publish("signal", imposed(Measure.OTHER, day(2025, 1, 1)));
        events.awaitVersion("signal", 1);
        String path = "/api/v1/countries/" + cc + "/platforms";

        Response first = given().when().get(path);
        first.then().statusCode(200).header("Cache-Control", "no-cache").header("Last-Modified", notNullValue());
        String etag = first.getHeader("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);

        given().header("If-None-Match", etag).when().get(path).then().statusCode(304).header("ETag", etag);

        events.publish("signal", imposed(Measure.THROTTLING, day(2025, 3, 1)));
        events.awaitVersion("signal", 2);
        // Tags follow the change log as the live feed reads it, within a poll interval.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("If-None-Match", etag).when().get(path)
                .then().statusCode(200));
        Response changed = given().header("If-None-Match", etag).when().get(path);
        assertNotEquals(etag, changed.getHeader("ETag"));
        // A CSV of the same data is another representation, with another tag.
        assertNotEquals(changed.getHeader("ETag"), given().accept("text/csv").when().get(path).getHeader("ETag"));
    }

    @Test
    void exportsAreRfc4180Csv() {
        events.publish("facetime", imposed(Measure.FEATURE_LIMIT, day(2025, 1, 1), "video_calls", "voice_calls"));
        events.publish("facetime", new FineImposed(new BigDecimal("1.50"), "USD", "Court, \"Appeals\"", null,
                "line one\nline two", day(2025, 2, 1), SOURCES));
        events.awaitVersion("facetime", 2);

        String csv = given().queryParam("format", "csv").when().get("/api/v1/countries/" + cc + "/platforms")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertEquals(String.join(",", CountryResource.CSV_COLUMNS), csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("\r\n" + cc + ",facetime,RESTRICTED,2025-01-01,DAY,FEATURE_LIMIT,video_calls;voice_calls,false,1,1.50 USD,1.50 USD,2,"), csv);

        String fines = given().accept("text/csv").queryParam("country", cc).when().get("/api/v1/fines")
                .then().statusCode(200).extract().asString();
        assertTrue(fines.contains(",\"Court, \"\"Appeals\"\"\",,\"line one\nline two\"\r\n"), fines);

        String timeline = given().accept("text/csv").when().get("/api/v1/countries/" + cc + "/timeline")
                .then().statusCode(200).extract().asString();
        assertEquals(3, timeline.split("\r\n").length, timeline);
        given().queryParam("format", "xml").when().get("/api/v1/fines").then().statusCode(400);
    }

    @Test
    void minVersionWaitsForTheProjectionOrSays503() {
        events.publish("viber", imposed(Measure.OTHER, day(2025, 1, 1)));
        String path = "/api/v1/countries/" + cc + "/platforms/viber";
        given().queryParam("minVersion", 1).when().get(path).then().statusCode(200).body("version", equalTo(1));
        given().header("X-Min-Version", 1).when().get(path).then().statusCode(200);
        given().queryParam("minVersion", 99).when().get(path)
                .then().statusCode(503).header("Retry-After", "1").contentType("application/problem+json");
    }

    @Test
    void theLiveStreamResumesFromLastEventIdWithoutGaps() throws Exception {
        events.publish("tiktok", imposed(Measure.OTHER, day(2025, 1, 1)));
        events.awaitVersion("tiktok", 1);
        List<String[]> received = read(null, 1, data -> data.contains(cc + "/tiktok"));
        String resumeFrom = received.get(0)[0];

        for (int v = 2; v <= 4; v++) {
            events.publish("tiktok", v % 2 == 0 ? imposed(Measure.THROTTLING, day(2025, v, 1))
                    : imposed(Measure.APP_STORE_REMOVAL, day(2025, v, 1)));
        }
        List<String[]> resumed = read(resumeFrom, 3, data -> data.contains(cc + "/tiktok"));
        List<Integer> versions = new ArrayList<>();
        for (String[] event : resumed) {
            assertTrue(Long.parseLong(event[0]) > Long.parseLong(resumeFrom));
            JsonPath data = new JsonPath(event[1]);
            versions.add(data.getInt("version"));
        }
        assertEquals(List.of(2, 3, 4), versions);
    }

    /** A client without a resume point (rl tail, a first EventSource) gets the changes from now on, not the past. */
    @Test
    void withoutAResumePointTheStreamStartsFromNow() throws Exception {
        events.publish("zoom", imposed(Measure.OTHER, day(2025, 1, 1)));
        events.awaitVersion("zoom", 1);
        HttpURLConnection connection = open(null, "");
        assertEquals(200, connection.getResponseCode());
        events.publish("zoom", imposed(Measure.THROTTLING, day(2025, 2, 1)));
        List<String[]> received = readFrom(connection, 1, data -> data.contains(cc + "/zoom"));
        assertEquals(2, new JsonPath(received.get(0)[1]).getInt("version"), "the change before connecting is not sent");
    }

    @Test
    void theProjectionReportsItsPositionAndLag() {
        events.publish("discord", imposed(Measure.OTHER, day(2025, 1, 1)));
        events.awaitVersion("discord", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/api/v1/projection")
                .then().statusCode(200)
                .body("lag", equalTo(0))
                .body("position", org.hamcrest.Matchers.greaterThan(0))
                .body("lastEventAt", notNullValue())
                .body("partitions.size()", equalTo(3)));
        String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("projection_lag{partition=\"0\"}"), "no lag gauge");
    }

    /**
     * Reads the SSE stream (as a browser's EventSource would) until {@code count} matching events arrived.
     * @return [id, data] pairs
     */
    private static List<String[]> read(String lastEventId, int count, java.util.function.Predicate<String> match) throws Exception {
        return readFrom(open(lastEventId, lastEventId == null ? "?after=0" : ""), count, match);
    }

    private static HttpURLConnection open(String lastEventId, String query) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(
                "http://localhost:" + io.restassured.RestAssured.port + "/api/v1/stream" + query).toURL().openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        if (lastEventId != null) {
            connection.setRequestProperty("Last-Event-ID", lastEventId);
        }
        connection.setReadTimeout(30_000);
        return connection;
    }

    private static List<String[]> readFrom(HttpURLConnection connection, int count, java.util.function.Predicate<String> match) throws Exception {
        List<String[]> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String id = null;
            String line;
            while (events.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:") && match.test(line)) {
                    events.add(new String[] {id, line.substring(5).strip()});
                }
            }
        } finally {
            connection.disconnect();
        }
        return events;
    }
}
