package org.restrictionledger.ledger.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ledger's side of who may do what: its admin actions (dead letters, signing a checkpoint) need an operator, its
 * reads are public; and each event names who reported it, inside the hashed document, as the stream API shows.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class LedgerAuthTest {

    @Test
    void adminActionsNeedAnOperator() {
        given().when().post("/api/v1/checkpoints").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("instance", equalTo("/api/v1/checkpoints"));
        given().auth().oauth2(TestTokens.reporter()).when().post("/api/v1/admin/dlq/redrive").then()
                .statusCode(403).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("insufficient_scope"));
        given().when().get("/api/v1/admin/dlq").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/admin/dlq").then().statusCode(200);
        // Reads stay public.
        given().when().get("/api/v1/checkpoints/public-key").then().statusCode(200);
        given().when().get("/contract/hashing/vectors.json").then().statusCode(200);
    }

    @Test
    void theStreamSaysWhoReportedEachFact() {
        StreamId stream = new StreamId("TO", "auth-" + UUID.randomUUID().toString().substring(0, 8));
        ImposeRestriction command = new ImposeRestriction(UUID.randomUUID(), stream, Measure.FULL_BLOCK, List.of(),
                "Regulator", null, null, Effective.day(LocalDate.of(2026, 2, 1)),
                List.of(new Source("https://example.org/to", null, null)), Instant.now(), false,
                new Submitter("sub-4711", "alice"));
        KafkaTestClient.send(Topics.COMMANDS, stream.toString(), Json.write(command), Map.of());

        ConsumerRecord<String, String> published = KafkaTestClient.await(Topics.EVENTS, 1,
                r -> stream.toString().equals(r.key())).get(0);
        // On the topic: the submitter is part of the document, and the hash covers it.
        var document = Json.tree(published.value());
        assertEquals("sub-4711", document.path("submitter").path("subject").asText());
        assertEquals("alice", document.path("submitter").path("name").asText());
        assertEquals(document.path("hash").asText(), EventHashing.hashOf(published.value()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when()
                .get("/api/v1/streams/" + stream).then().statusCode(200)
                .body("events[0].submitter.subject", equalTo("sub-4711"))
                .body("events[0].submitter.name", equalTo("alice")));
        given().when().get("/api/v1/streams/" + stream + "/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
