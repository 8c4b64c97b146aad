package org.restrictionledger.ingest.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Against the real broker and PostgreSQL: what ingest answers, and what it puts on Kafka (and what it does not). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ReportResourceTest {

    /** Requests as the test reporter: submitting and reading one's own submissions need its token. */
    private static io.restassured.specification.RequestSpecification asReporter() {
        return given().auth().oauth2(TestTokens.reporter());
    }

    private static String report(String platform, String country, String measure) {
        return """
                {"type": "restriction.imposed", "country": "%s", "platform": "%s", "measure": "%s",
                 "authority": "Roskomnadzor", "reason": "non-compliance with Russian law", "effective": "2026-02",
                 "sources": [{"url": "https://example.org/story", "publisher": "Example News"}]}
                """.formatted(country, platform, measure);
    }

    private static String uniquePlatform() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAcceptedReportIsPublishedAsACommandKeyedByItsStream() {
        String platform = uniquePlatform();
        String id = asReporter().contentType(ContentType.JSON).body(report(platform, "Russia", "FULL_BLOCK"))
                .when().post("/api/v1/reports")
                .then().statusCode(202)
                // Relative, as README documents: the client resolves it against the URL it posted to.
                .header("Location", org.hamcrest.Matchers.matchesPattern("/api/v1/submissions/[0-9a-f-]{36}"))
                .body("status", equalTo("PENDING"))
                .body("stream", equalTo("RU/" + platform))
                .extract().path("submissionId");

        List<ConsumerRecord<String, String>> commands = KafkaTestClient.await(Topics.COMMANDS, 1,
                r -> r.value().contains(id));
        assertEquals("RU/" + platform, commands.get(0).key());
        ImposeRestriction command = assertInstanceOf(ImposeRestriction.class,
                Json.read(commands.get(0).value(), LedgerCommand.class));
        assertEquals(UUID.fromString(id), command.commandId());

        asReporter().when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void theSubmissionFollowsTheLedgersOutcome() {
        String platform = uniquePlatform();
        String location = asReporter().contentType(ContentType.JSON).body(report(platform, "RU", "THROTTLING"))
                .when().post("/api/v1/reports")
                .then().statusCode(202).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        UUID eventId = UUID.randomUUID();
        CommandOutcome accepted = CommandOutcome.accepted(UUID.fromString(id), new StreamId("RU", platform),
                List.of(eventId), 1, Instant.now());
        KafkaTestClient.send(Topics.OUTCOMES, "RU/" + platform, Json.write(accepted), Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asReporter()
                .when().get(location)
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("eventIds", hasItems(eventId.toString()))
                .body("streamVersion", equalTo(1)));
    }

    @Test
    void aRejectionCarriesTheLedgersReasonEvenWhenItArrivesFirst() {
        UUID id = UUID.randomUUID();
        CommandOutcome rejected = CommandOutcome.rejected(id, new StreamId("RU", uniquePlatform()), 0,
                "cannot lift: there is no FULL_BLOCK restriction active", Instant.now());
        KafkaTestClient.send(Topics.OUTCOMES, rejected.stream().toString(), Json.write(rejected), Map.of());
        // A submission known only from its outcome has no submitter: only an operator reads it.

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.operator())
                .when().get("/api/v1/submissions/" + id)
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("cannot lift: there is no FULL_BLOCK restriction active")));
    }

    @Test
    void aPoisonOutcomeGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String marker = "garbage-" + UUID.randomUUID();
        KafkaTestClient.send(Topics.OUTCOMES, "RU/x", "{\"not\": \"" + marker + "\"", Map.of());
        KafkaTestClient.await(Topics.deadLetter(Topics.OUTCOMES, "ingest-service"), 1, r -> r.value().contains(marker));

        UUID id = UUID.randomUUID();
        CommandOutcome after = CommandOutcome.rejected(id, new StreamId("RU", "x"), 0, "after the poison", Instant.now());
        KafkaTestClient.send(Topics.OUTCOMES, "RU/x", Json.write(after), Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.operator())
                .when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("reason", equalTo("after the poison")));
    }

    @Test
    void anInvalidReportListsEveryFieldErrorAndPublishesNothing() {
        String platform = uniquePlatform();
        asReporter().contentType(ContentType.JSON)
                .body("""
                        {"type": "restriction.imposed", "country": "Narnia", "platform": "%s", "measure": "BLOCKING",
                         "effective": "2026-02", "sources": []}
                        """.formatted(platform))
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(3))
                .body("errors.field", hasItems("country", "measure", "sources"))
                .body("instance", equalTo("/api/v1/reports"));

        // A valid report sent after it is on the topic; the invalid one never is.
        String marker = uniquePlatform();
        asReporter().contentType(ContentType.JSON).body(report(marker, "RU", "OTHER"))
                .when().post("/api/v1/reports").then().statusCode(202);
        KafkaTestClient.await(Topics.COMMANDS, 1, r -> r.value().contains(marker));
        assertEquals(0, KafkaTestClient.readAll(Topics.COMMANDS).stream().filter(r -> r.value().contains(platform)).count());
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        asReporter().contentType(ContentType.JSON).body("{\"type\": ")
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anUnknownSubmissionIs404AndAMalformedId400() {
        asReporter().when().get("/api/v1/submissions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        asReporter().when().get("/api/v1/submissions/not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }
}
