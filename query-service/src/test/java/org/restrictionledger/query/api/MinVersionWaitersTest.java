package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Measure;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * More clients waiting on {@code ?minVersion=} than the HTTP worker pool has threads (200 on 2 cores) must not stop
 * the projection they wait for: each is answered 200 as soon as its report is projected, none 503 after the wait.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class MinVersionWaitersTest {

    private static final int WAITERS = 240;

    private final TestEvents events = new TestEvents();

    @TestHTTPResource("/")
    URI root;

    @Test
    void readersWaitingOnMinVersionNeverHoldUpTheProjection() {
        List<String> platforms = IntStream.range(0, WAITERS).mapToObj(i -> String.format("waited-%03d", i)).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> waiting = platforms.stream()
                .map(platform -> http.sendAsync(HttpRequest.newBuilder(root.resolve("api/v1/countries/" + events.country
                                        + "/platforms/" + platform + "?minVersion=1"))
                                .header("Authorization", "Bearer " + TestTokens.operator())
                                .timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        events.publishToEach(platforms, TestEvents.imposed(Measure.THROTTLING, LocalDate.of(2025, 1, 1)));

        Map<Integer, Long> statuses = waiting.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertEquals(Map.of(200, (long) WAITERS), statuses);
    }
}
