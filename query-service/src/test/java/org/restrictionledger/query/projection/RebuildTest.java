package org.restrictionledger.query.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class RebuildTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final TestEvents events = new TestEvents();

    @Inject
    AgroalDataSource dataSource;

    /** Metrics are on the management interface (its root is /q), not on the API's port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    private static Effective day(int y, int m, int d) {
        return Effective.day(LocalDate.of(y, m, d));
    }

    private String get(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void aRebuildFromOffsetZeroAnswersExactlyAsBefore() {
        RecordedEvent block = events.publish("whatsapp", new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Kremlin",
                null, null, day(2026, 2, 12), SOURCES));
        events.publish("whatsapp", new FineImposed(new BigDecimal("10.00"), "EUR", "Court", null, null, day(2025, 1, 1), SOURCES));
        events.publish("whatsapp", new RecordCorrected(block.eventId(), RecordCorrected.Action.AMEND,
                new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Kremlin", null, "amended", day(2026, 2, 11), SOURCES),
                "the day was wrong", day(2026, 2, 13), SOURCES));
        events.publish("telegram", new RestrictionImposed(Measure.THROTTLING, List.of(), null, null, null, day(2025, 5, 1), SOURCES));
        events.awaitVersion("whatsapp", 3);
        events.awaitVersion("telegram", 1);

        String platforms = "/api/v1/countries/" + events.country + "/platforms";
        String timeline = "/api/v1/countries/" + events.country + "/timeline";
        String before = get(platforms);
        String beforeTimeline = get(timeline);
        String beforeAsOf = get(platforms + "?asOf=2026-02-11");

        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/projection/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/api/v1/projection")
                .then().statusCode(200).body("rebuild.state", equalTo("DONE")));
        int read = given().when().get("/api/v1/projection").then().extract().path("rebuild.eventsRead");
        assertTrue(read >= 4, "read " + read);

        assertEquals(before, get(platforms));
        assertEquals(beforeTimeline, get(timeline));
        assertEquals(beforeAsOf, get(platforms + "?asOf=2026-02-11"));

        // The live projection goes on into the rebuilt tables.
        events.publish("telegram", new RestrictionImposed(Measure.FULL_BLOCK, List.of(), null, null, null, day(2025, 6, 1), SOURCES));
        events.awaitVersion("telegram", 2);
    }

    /** More streams than one of the rebuild's write batches: every one comes back, written batch after batch. */
    @Test
    void aRebuildWritesTheStatusesOfManyStreamsInBatches() {
        int streams = Rebuilder.BATCH + 100;
        events.publishToEach(IntStream.range(0, streams).mapToObj(i -> String.format("many-%04d", i))
                .toList(), TestEvents.imposed(Measure.THROTTLING, LocalDate.of(2025, 1, 1)));
        String platforms = "/api/v1/countries/" + events.country + "/platforms";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get(platforms)
                .then().statusCode(200).body("platforms.size()", equalTo(streams)));
        String before = get(platforms);

        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/projection/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/api/v1/projection")
                .then().statusCode(200).body("rebuild.state", equalTo("DONE")));

        assertEquals(before, get(platforms));
    }

    /** The shadow tables are one pair for every query instance: a rebuild waits for another instance's to end. */
    @Test
    void aRebuildRunningOnAnotherInstanceIsAnsweredConflict() throws SQLException {
        try (Connection otherInstance = dataSource.getConnection();
             PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_lock(?)");
             PreparedStatement unlock = otherInstance.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            lock.setLong(1, Rebuilder.LOCK_KEY);
            lock.execute();
            given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/projection/rebuild")
                    .then().statusCode(409).body("type", endsWith("rebuild-running"));
            unlock.setLong(1, Rebuilder.LOCK_KEY);
            unlock.execute();
        }
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/projection/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/api/v1/projection")
                .then().statusCode(200).body("rebuild.state", equalTo("DONE")));
        // Its lock went back with its connection: the next rebuild may start.
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/projection/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/api/v1/projection")
                .then().statusCode(200).body("rebuild.state", equalTo("DONE")));
    }

    @Test
    void aGapInAStreamIsCountedAndLoggedNotHidden() {
        double gapsBefore = gaps();
        RecordedEvent first = events.publish("signal", new RestrictionImposed(Measure.OTHER, List.of(), null, null, null,
                day(2025, 1, 1), SOURCES));
        // Version 3 arrives without version 2.
        TestEvents.send(EventHashing.seal(new RecordedEvent(UUID.randomUUID(), first.stream(), 3, 99, Instant.now()
                .truncatedTo(ChronoUnit.MICROS), UUID.randomUUID(), first.hash(), null,
                new RestrictionImposed(Measure.THROTTLING, List.of(), null, null, null, day(2025, 3, 1), SOURCES))));
        events.awaitVersion("signal", 3);
        assertEquals(gapsBefore + 1, gaps());
    }

    private double gaps() {
        return given().when().get(metricsUrl).then().extract().asString().lines()
                .filter(l -> l.startsWith("projection_gaps_total"))
                .map(l -> l.split(" # ")[0].strip().split(" "))   // an OpenMetrics exemplar may follow the value
                .mapToDouble(sample -> Double.parseDouble(sample[1]))
                .findFirst().orElse(0);
    }
}
