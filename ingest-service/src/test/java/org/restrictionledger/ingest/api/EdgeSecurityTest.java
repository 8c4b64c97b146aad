package org.restrictionledger.ingest.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public edge as a browser and an abusive client meet it: security headers on every answer, CORS only for the
 * configured origin, and writes cut per client after a burst while another client is served. Clients are told apart
 * by their token's principal (each also sends its own address as a reverse proxy reports it, {@code Forwarded: for=…});
 * anonymous clients are counted by address ({@code AuthTest}).
 */
@QuarkusTest
@TestProfile(EdgeSecurityTest.Edge.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class EdgeSecurityTest {

    static final String DASHBOARD = "https://dashboard.example.org";
    static final int WRITES = 5;

    /** Production-like limits, small enough to reach in a test; one allowed browser origin; a trusted proxy. */
    public static class Edge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rl.rate-limit.write.capacity", Integer.toString(WRITES),
                    "rl.rate-limit.write.period", "1h",
                    "quarkus.http.cors.origins", DASHBOARD,
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-forwarded", "true");
        }
    }

    private static String report(String platform) {
        return """
                {"type": "restriction.imposed", "country": "Russia", "platform": "%s", "measure": "THROTTLING",
                 "effective": "2026-02", "sources": [{"url": "https://example.org/story"}]}
                """.formatted(platform);
    }

    /** Each client has its own reporter token: limits count per principal. */
    private static String token(String client) {
        return TestTokens.token("client-" + client, TestTokens.REPORTER);
    }

    private static Response post(String client, String body) {
        return given().auth().oauth2(token(client)).header("Forwarded", "for=" + client).contentType(ContentType.JSON)
                .body(body)
                .when().post("/api/v1/reports");
    }

    private static void assertSecurityHeaders(Response response) {
        response.then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPrivateOnesAreNotStored() {
        Response accepted = post("198.51.100.1", report("p-" + UUID.randomUUID().toString().substring(0, 8)));
        accepted.then().statusCode(202);
        assertSecurityHeaders(accepted);
        accepted.then().header("Cache-Control", "no-store");

        Response submission = given().auth().oauth2(token("198.51.100.1")).when().get(accepted.header("Location"));
        submission.then().statusCode(200).header("Cache-Control", "no-store");
        assertSecurityHeaders(submission);

        Response invalid = post("198.51.100.1", "{}");
        invalid.then().statusCode(400).contentType("application/problem+json");
        assertSecurityHeaders(invalid);

        Response unknown = given().when().get("/no/such/page");
        unknown.then().statusCode(404);
        assertSecurityHeaders(unknown);
    }

    @Test
    void onlyTheConfiguredOriginMayCallFromABrowser() {
        given().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/v1/reports")
                .then().statusCode(200).header("Access-Control-Allow-Origin", DASHBOARD);

        Response foreign = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/reports");
        foreign.then().header("Access-Control-Allow-Origin", nullValue());
        assertTrue(foreign.statusCode() == 403, "a foreign origin's preflight is refused: " + foreign.statusCode());

        given().auth().oauth2(token("198.51.100.2")).header("Origin", "https://evil.example")
                .header("Forwarded", "for=198.51.100.2")
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/reports")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aBurstIsCutWhileAWellBehavedClientIsServed() {
        String burst = "203.0.113.7";
        String wellBehaved = "203.0.113.8";
        List<Integer> statuses = new ArrayList<>();
        Response cut = null;
        for (int i = 0; i < WRITES * 4; i++) {
            Response response = post(burst, report("p-" + UUID.randomUUID().toString().substring(0, 8)));
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && cut == null) {
                cut = response;
            }
        }
        assertEquals(WRITES, statuses.stream().filter(s -> s == 202).count(), "served before the cut: " + statuses);
        assertEquals(WRITES * 3, statuses.stream().filter(s -> s == 429).count(), "cut: " + statuses);
        assertTrue(statuses.subList(WRITES, statuses.size()).stream().allMatch(s -> s == 429), "all after the burst");

        cut.then().contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("https://restrictionledger.org/problems/too-many-requests"))
                .body("detail", containsString("more than " + WRITES + " writes"))
                .body("instance", equalTo("/api/v1/reports"));
        int retryAfter = Integer.parseInt(cut.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600 / WRITES + 1, "Retry-After " + retryAfter);
        assertSecurityHeaders(cut);

        // Another client is not held back by the first one's burst, and the cut client can still read.
        for (int i = 0; i < WRITES - 1; i++) {
            post(wellBehaved, report("p-" + UUID.randomUUID().toString().substring(0, 8))).then().statusCode(202);
        }
        given().auth().oauth2(token(burst)).header("Forwarded", "for=" + burst)
                .when().get("/api/v1/submissions/" + UUID.randomUUID())
                .then().statusCode(404);
        // The limit follows the principal, not the address: the cut reporter is cut from another address as well.
        given().auth().oauth2(token(burst)).header("Forwarded", "for=203.0.113.99").contentType(ContentType.JSON)
                .body(report("p-" + UUID.randomUUID().toString().substring(0, 8)))
                .when().post("/api/v1/reports").then().statusCode(429);
        // Batches and CSV uploads are writes too.
        given().auth().oauth2(token(burst)).header("Forwarded", "for=" + burst).contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/reports/batch").then().statusCode(429);
    }
}
