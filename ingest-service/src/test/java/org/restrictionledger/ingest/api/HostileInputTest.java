package org.restrictionledger.ingest.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an attacker (or a careless export) sends to the edge: each is refused with a 400 or 413 problem naming the
 * field, with a short body, before anything reaches Kafka or a store.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class HostileInputTest {

    /** Requests as the test reporter: submitting and reading one's own submissions need its token. */
    private static io.restassured.specification.RequestSpecification asReporter() {
        return given().auth().oauth2(TestTokens.reporter());
    }

    @TestHTTPResource("/api/v1/reports")
    URL reports;

    private static String report(String country, String platform, String extra) {
        return """
                {"type": "restriction.imposed", "country": "%s", "platform": "%s", "measure": "FULL_BLOCK",
                 "reason": "non-compliance", "effective": "2026-02", %s
                 "sources": [{"url": "https://example.org/story"}]}
                """.formatted(country, platform, extra);
    }

    private static String platform() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse post(String body) {
        return asReporter().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports").then();
    }

    private static void refused(String body, String field) {
        post(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void controlCharactersSurrogatesAndInvisibleCharactersAreRefusedByField() {
        refused(report("RU", platform(), "\"authority\": \"Roskomnadzor\",").replace("non-compliance", "a\\u0000b"), "reason");
        refused(report("RU", platform(), "\"authority\": \"a\\u0085b\","), "authority");
        refused(report("RU", platform(), "\"authority\": \"a\\ud800b\","), "authority");
        refused(report("\u202ERU", platform(), ""), "country");
        refused(report("RU", platform() + "\u200B", ""), "platform");
        refused(report("RU", platform(), "\"features\": [\"voice\\tcalls\"],"), "features[0]");
        refused(report("RU", platform(), "").replace("https://example.org/story", "https://example.org/\\u0000"), "sources[0].url");
        // Right-to-left text is free text: accepted.
        post(report("RU", platform(), "\"authority\": \"\u200Fهيئة\u200F\",")).statusCode(202);
    }

    @Test
    void datesOutsideYearsOneTo9999AreRefused() {
        refused(report("RU", platform(), "").replace("\"2026-02\"", "\"-5000-01-01\""), "effective");
        refused(report("RU", platform(), "").replace("\"2026-02\"", "\"+10000-01-01\""), "effective");
        refused(report("RU", platform(), "").replace("\"https://example.org/story\"",
                "\"https://example.org/story\", \"publishedOn\": \"0000-12-31\""), "sources[0].publishedOn");
    }

    @Test
    void ambiguousJsonIsRefused() {
        String valid = report("RU", platform(), "");
        refused(valid + " {\"type\": \"fine.imposed\"}", "body");
        refused(valid + " garbage", "body");
        refused(valid.replace("{\"type\": \"restriction.imposed\",", "{\"type\": \"restriction.imposed\", \"type\": \"fine.imposed\","), "body");
        asReporter().contentType(ContentType.JSON).body(new byte[]{'{', '"', 't', (byte) 0xff, '"', ':', '1', '}'})
                .when().post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongTypesAreNamedNeverAnEmptyBody() {
        refused(report("RU", platform(), "\"features\": \"voice_calls\","), "features");
        refused(report("RU", platform(), "").replace("[{\"url\": \"https://example.org/story\"}]", "[1]"), "sources[0]");
        refused(report("RU", platform(), "").replace("\"restriction.imposed\"", "{\"a\": 1}"), "type");
        refused("[]", "body");
        refused("\"a report\"", "body");
    }

    @Test
    void deepNestingIsA400ProblemOnEveryEndpoint() {
        String deep = "{\"type\": \"record.corrected\", \"amendment\": ".repeat(900) + "{}" + "}".repeat(900);
        post(deep).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].reason", containsString("nested deeper"));
        asReporter().contentType(ContentType.JSON).body("[" + deep + "]").when().post("/api/v1/reports/batch")
                .then().statusCode(400).contentType("application/problem+json");
        asReporter().contentType("application/x-ndjson")
                .body((deep + "\n" + report("RU", platform(), "").replace("\n", " ")).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports/batch")
                .then().statusCode(200)
                .body("items[0].result", equalTo("INVALID"))
                .body("items[1].result", equalTo("SUBMITTED"));
    }

    @Test
    void anHugeAmountIsNotEchoedBack() {
        String body = """
                {"type": "fine.imposed", "country": "RU", "platform": "telegram", "amount": "-1e2000000",
                 "currency": "RUB", "effective": "2026-02", "sources": [{"url": "https://example.org/story"}]}""";
        String answer = post(body).statusCode(400).body("errors.field", hasItem("amount")).extract().asString();
        assertTrue(answer.length() < 2_000, answer.length() + " bytes");
        String positive = body.replace("-1e2000000", "1e999999999");
        answer = post(positive).statusCode(400).body("errors.field", hasItem("amount")).extract().asString();
        assertTrue(answer.length() < 2_000, answer.length() + " bytes");
        String long1 = body.replace("\"-1e2000000\"", "1" + "0".repeat(5_000));
        answer = post(long1).statusCode(400).extract().asString();
        assertTrue(answer.length() < 2_000, answer.length() + " bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] start = ("{\"type\": \"restriction.imposed\", \"reason\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] filler = new byte[1024 * 1024];
        java.util.Arrays.fill(filler, (byte) 'x');
        var parts = new java.util.ArrayList<java.io.InputStream>();
        parts.add(new ByteArrayInputStream(start));
        for (int i = 0; i < 2; i++) {
            parts.add(new ByteArrayInputStream(filler));
        }
        parts.add(new ByteArrayInputStream("\"}".getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(reports.toString()))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(TestTokens.reporter()))
                // ofInputStream has no length: the client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("payload-too-large"), response.body());
    }
}
