package org.restrictionledger.ingest.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Topics;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class IdempotencyAndBatchTest {

    /** Requests as the test reporter: submitting and reading one's own submissions need its token. */
    private static io.restassured.specification.RequestSpecification asReporter() {
        return given().auth().oauth2(TestTokens.reporter());
    }

    private static String platform() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String report(String platform, String measure) {
        return """
                {"type": "restriction.imposed", "country": "RU", "platform": "%s", "measure": "%s",
                 "effective": "2026-02", "sources": [{"publisher": "Example News"}]}""".formatted(platform, measure);
    }

    private static long commandsFor(String platform) {
        return KafkaTestClient.readAll(Topics.COMMANDS).stream().filter(r -> r.key().endsWith("/" + platform)).count();
    }

    @Test
    void theSameKeyAndReportAnswerTheSameSubmissionAndPublishOneCommandId() {
        String platform = platform();
        String key = "key-" + UUID.randomUUID();
        String first = asReporter().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(report(platform, "FULL_BLOCK")).when().post("/api/v1/reports")
                .then().statusCode(202).header("Idempotent-Replayed", nullValue()).extract().path("submissionId");
        String second = asReporter().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(report(platform, "FULL_BLOCK")).when().post("/api/v1/reports")
                .then().statusCode(202).header("Idempotent-Replayed", equalTo("true")).extract().path("submissionId");
        assertEquals(first, second);

        // Each retry of a PENDING submission publishes the same command id again; the ledger decides it once.
        KafkaTestClient.await(Topics.COMMANDS, 1, r -> r.value().contains(first));
        assertEquals(1, KafkaTestClient.readAll(Topics.COMMANDS).stream()
                .filter(r -> r.key().endsWith("/" + platform))
                .map(r -> r.value().replaceAll(".*\"commandId\":\"([^\"]+)\".*", "$1"))
                .distinct().count());
    }

    @Test
    void theSameKeyWithAnotherReportIsRefused() {
        String key = "key-" + UUID.randomUUID();
        String platform = platform();
        asReporter().contentType(ContentType.JSON).header("Idempotency-Key", key).body(report(platform, "FULL_BLOCK"))
                .when().post("/api/v1/reports").then().statusCode(202);
        asReporter().contentType(ContentType.JSON).header("Idempotency-Key", key).body(report(platform, "THROTTLING"))
                .when().post("/api/v1/reports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Idempotency-Key reused"));
    }

    @Test
    void aJsonBatchAnswersPerItemAndABadItemSinksNoNeighbour() {
        String good = platform();
        String body = "[" + report(good, "FULL_BLOCK") + ", {\"type\": \"restriction.imposed\", \"country\": \"Narnia\"},"
                + " 42, " + report(good, "THROTTLING") + "]";
        asReporter().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports/batch")
                .then().statusCode(200)
                .body("received", equalTo(4)).body("submitted", equalTo(2)).body("invalid", equalTo(2))
                .body("items[0].result", equalTo("SUBMITTED"))
                .body("items[1].result", equalTo("INVALID"))
                .body("items[1].index", equalTo(1))
                .body("items[1].errors.field", hasItems("country", "platform", "measure", "effective", "sources"))
                .body("items[2].errors[0].reason", equalTo("a report is a JSON object"))
                .body("items[3].stream", equalTo("RU/" + good));
        KafkaTestClient.await(Topics.COMMANDS, 2, r -> r.key().equals("RU/" + good));
    }

    @Test
    void anNdjsonBatchReadsEveryLineOnItsOwn() {
        String good = platform();
        String body = report(good, "FULL_BLOCK").replace("\n", " ") + "\n{not json\n" + report(good, "OTHER").replace("\n", " ") + "\n";
        asReporter().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/v1/reports/batch")
                .then().statusCode(200)
                .body("submitted", equalTo(2))
                .body("items[1].result", equalTo("INVALID"))
                .body("items[1].errors[0].field", equalTo("body"));
    }

    @Test
    void aCsvBatchAnswersWithRowNumbers() {
        String good = platform();
        String csv = """
                type,country,platform,measure,features,effective,source_publisher,amount,currency
                restriction.imposed,Russia,%1$s,FEATURE_LIMIT,voice_calls;video_calls,2025,Example News,,
                restriction.imposed,Atlantis,%1$s,FULL_BLOCK,,2026-02,Example News,,
                fine.imposed,RU,%1$s,,,2025-06,"Example, Inc.","4000000",RUB
                """.formatted(good);
        asReporter().contentType("text/csv").body(csv).when().post("/api/v1/reports/csv")
                .then().statusCode(200)
                .body("submitted", equalTo(2)).body("invalid", equalTo(1))
                .body("items.row", equalTo(List.of(2, 3, 4)))
                .body("items[1].errors[0].field", equalTo("country"));
        KafkaTestClient.await(Topics.COMMANDS, 2, r -> r.key().equals("RU/" + good));
        assertEquals(1, KafkaTestClient.readAll(Topics.COMMANDS).stream()
                .filter(r -> r.key().equals("RU/" + good) && r.value().contains("\"amount\":\"4000000.00\"")).count());
    }

    @Test
    void aCsvWithAnUnknownColumnIsRefusedWholeAndNamesIt() {
        asReporter().contentType("text/csv").body("type,country,colour\nrestriction.imposed,RU,blue\n")
                .when().post("/api/v1/reports/csv")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("[colour]"));
    }

    @Test
    void limitsAreProblemsNotCrashes() {
        String many = IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));
        asReporter().contentType(ContentType.JSON).body(many).when().post("/api/v1/reports/batch")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));

        String big = report(platform(), "OTHER").replace("\"OTHER\"", "\"OTHER\", \"reason\": \"" + "x".repeat(70_000) + "\"");
        asReporter().contentType(ContentType.JSON).body(big).when().post("/api/v1/reports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Payload too large"));

        asReporter().contentType(ContentType.JSON).body("{}").when().post("/api/v1/reports/batch")
                .then().statusCode(400).contentType("application/problem+json");
        asReporter().contentType(ContentType.JSON).header("Idempotency-Key", "not a key").body(report(platform(), "OTHER"))
                .when().post("/api/v1/reports")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
