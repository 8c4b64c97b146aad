package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paths a browser or a careless client takes: no resume header, malformed parameters, {@code If-None-Match: *}. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class EdgeTest {

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    private static RestrictionImposed block() {
        return new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Roskomnadzor", null, "reason",
                Effective.day(LocalDate.of(2026, 2, 1)), List.of(new Source(null, "Example News", null)));
    }

    /** Exactly what EventSource sends on its first connect: no Last-Event-ID, no ?after=. */
    @Test
    void aBrowsersFirstConnectStartsAtTheHeadAndReceivesTheNextChange() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));

        TestEvents events = new TestEvents();
        String platform = "sse-first-" + events.country.toLowerCase();
        events.publish(platform, block());
        CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data:") && line.contains(events.country + "/" + platform)) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String line = data.get(60, TimeUnit.SECONDS);
        assertTrue(line.contains("\"status\":\"BLOCKED\""), line);
    }

    @Test
    void malformedParametersAndHeadersAre400sNamingThem() {
        given().queryParam("limit", "abc").when().get("/api/v1/countries/RU/timeline")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", "0").when().get("/api/v1/countries/RU/timeline")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("minVersion", "abc").when().get("/api/v1/countries/RU/platforms/whatsapp")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("minVersion"));
        given().header("X-Min-Version", "abc").when().get("/api/v1/countries/RU/platforms/whatsapp")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("X-Min-Version"));
        given().header("Last-Event-ID", "x").when().get("/api/v1/stream")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("Last-Event-ID"));
        given().queryParam("asOf", "2026-13-01").when().get("/api/v1/countries/RU/platforms")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void ifNoneMatchStarIsA304OnlyWhereARepresentationExists() {
        given().header("If-None-Match", "*").when().get("/api/v1/countries/Narnia/platforms")
                .then().statusCode(404);
        TestEvents events = new TestEvents();
        events.publish("star", block());
        events.awaitVersion("star", 1);
        given().header("If-None-Match", "*").when().get("/api/v1/countries/" + events.country + "/platforms")
                .then().statusCode(304);
        given().header("If-None-Match", "*").when().get("/api/v1/countries/" + events.country + "/platforms/never-seen")
                .then().statusCode(404);
    }
}
