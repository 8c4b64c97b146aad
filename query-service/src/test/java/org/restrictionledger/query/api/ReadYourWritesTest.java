package org.restrictionledger.query.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.query.projection.StatusChange;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code ?minVersion=} waits: what they cost the store, and that they see a version another query instance projected
 * (which only the change log tells this one about). The feed's own interval is an hour here: only the reads that
 * waiting requests ask for can show another instance's change in time.
 */
@QuarkusTest
@TestProfile(ReadYourWritesTest.FeedReadsOnlyWhenAsked.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ReadYourWritesTest {

    private static final String STORE_READS = "query_min_version_store_reads_total";

    public static class FeedReadsOnlyWhenAsked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("query.stream.poll-interval", "1h");
        }
    }

    private final TestEvents events = new TestEvents();

    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachWaitReadsTheStoreOnceAndThenWatchesTheFeed() {
        String path = published("signal");
        double before = metric(STORE_READS);

        // Four waits at once for a version nobody writes: each runs out (max-wait, 5 s) with a 503.
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> waits = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> given().queryParam("minVersion", 99).when().get(path).statusCode(), clients)).toList();
            waits.forEach(wait -> assertEquals(503, wait.join()));
        } finally {
            clients.shutdown();
        }

        assertEquals(before + 4, metric(STORE_READS), "store reads by four waits of five seconds each");
    }

    @Test
    void aWaitSeesAVersionThatAnotherInstanceProjected() throws SQLException {
        String path = published("telegram");
        double before = metric(STORE_READS);
        CompletableFuture<Integer> wait = CompletableFuture.supplyAsync(
                () -> given().queryParam("minVersion", 2).when().get(path).statusCode());
        // Once the wait has read the store, only the change log can tell it about version 2; the feed's first read
        // for it may well be over before the change below commits.
        await().until(() -> metric(STORE_READS) > before);

        // Another instance projects version 2: its status row and its change, as Projection writes them (this
        // instance's projection has nothing to do with it, so nothing here wakes the feed at once).
        String stream = events.stream("telegram").toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement status = c.prepareStatement(
                    "UPDATE platform_status SET version = 2 WHERE stream_id = ?");
                 PreparedStatement lock = c.prepareStatement(StatusChange.LOCK_FOR_APPEND);
                 PreparedStatement change = c.prepareStatement("""
                         INSERT INTO status_changes (stream_id, country, platform, status, version, event_id, changed_at)
                         SELECT stream_id, country, platform, status, version, gen_random_uuid(), now()
                         FROM platform_status WHERE stream_id = ?""")) {
                status.setString(1, stream);
                assertEquals(1, status.executeUpdate());
                lock.execute();
                change.setString(1, stream);
                assertEquals(1, change.executeUpdate());
            }
            c.commit();
        }

        assertEquals(200, wait.join(), "the wait for version 2 (max-wait 5 s)");
    }

    /** A stream of this test's country at version 1, projected here; the path that reads it. */
    private String published(String platform) {
        events.publish(platform, new RestrictionImposed(Measure.OTHER, List.of(), "Regulator", null, "reason",
                Effective.day(LocalDate.of(2025, 1, 1)), List.of(new Source(null, "Example News", null))));
        events.awaitVersion(platform, 1);
        return "/api/v1/countries/" + events.country + "/platforms/" + platform;
    }

    private double metric(String name) {
        return Metrics.value(metricsUrl, name);
    }
}
