package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The expensive reads are limited per client (told apart by the address a trusted proxy reports): CSV exports by a
 * bucket, event streams by how many are open at once. Plain JSON reads are not limited.
 */
@QuarkusTest
@TestProfile(ReadLimitsTest.Limits.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ReadLimitsTest {

    static final int EXPORTS = 3;
    static final int OPEN_STREAMS = 2;

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rl.rate-limit.export.capacity", Integer.toString(EXPORTS),
                    "rl.rate-limit.export.period", "1h",
                    "rl.rate-limit.stream.max-open", Integer.toString(OPEN_STREAMS),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-forwarded", "true");
        }
    }

    @Test
    void csvExportsAreCutPerClientAndJsonReadsAreNot() {
        String client = "for=192.0.2.10";
        for (int i = 0; i < EXPORTS; i++) {
            given().header("Forwarded", client).queryParam("format", "csv").when().get("/api/v1/fines")
                    .then().statusCode(200);
        }
        given().header("Forwarded", client).queryParam("format", "csv").when().get("/api/v1/fines")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("CSV exports"));
        given().header("Forwarded", client).accept("text/csv").when().get("/api/v1/countries")
                .then().statusCode(429);
        given().header("Forwarded", client).when().get("/api/v1/fines").then().statusCode(200);
        given().header("Forwarded", "for=192.0.2.11").accept("text/csv").when().get("/api/v1/countries")
                .then().statusCode(200);
    }

    private static HttpURLConnection open(String client) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(
                "http://localhost:" + RestAssured.port + "/api/v1/stream").toURL().openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        connection.setRequestProperty("Forwarded", client);
        connection.setReadTimeout(30_000);
        return connection;
    }

    @Test
    void eventStreamsOpenAtOnceAreCappedPerClient() throws IOException {
        String client = "for=192.0.2.20";
        List<HttpURLConnection> streams = new ArrayList<>();
        try {
            for (int i = 0; i < OPEN_STREAMS; i++) {
                HttpURLConnection stream = open(client);
                streams.add(stream);
                assertEquals(200, stream.getResponseCode());
            }
            HttpURLConnection oneTooMany = open(client);
            assertEquals(429, oneTooMany.getResponseCode());
            assertEquals("1", oneTooMany.getHeaderField("Retry-After"));
            oneTooMany.disconnect();

            HttpURLConnection another = open("for=192.0.2.21");
            streams.add(another);
            assertEquals(200, another.getResponseCode());

            // A client that closes a stream may open one again.
            streams.remove(0).disconnect();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                HttpURLConnection again = open(client);
                int status = again.getResponseCode();
                if (status == 200) {
                    streams.add(again);
                } else {
                    again.disconnect();
                }
                return status == 200;
            });
        } finally {
            streams.forEach(HttpURLConnection::disconnect);
        }
    }
}
