package org.restrictionledger.ledger.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.checkpoint.CheckpointVerifier;
import org.restrictionledger.events.checkpoint.Checkpoints;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkpoint signed by the ledger, kept by a partner, catches a store rewritten afterwards even when the rewrite
 * recomputed every hash (so that the chain alone still verifies).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class CheckpointTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example", null));

    @Inject
    CommandHandler handler;

    /** The test database, reached as the server's superuser: rewriting history is what the runtime role may not do. */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private void impose(StreamId stream, Measure measure) {
        handler.handle(new ImposeRestriction(UUID.randomUUID(), stream, measure, List.of(), "Roskomnadzor", null,
                "reason", Effective.day(LocalDate.of(2026, 2, 1)), SOURCES, Instant.now()));
    }

    @Test
    void aKeptCheckpointHoldsAsTheStoreGrowsAndCatchesAConsistentRewrite() throws SQLException {
        StreamId stream = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
        impose(stream, Measure.FEATURE_LIMIT);
        impose(stream, Measure.DOMAIN_DELISTING);

        String body = given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/checkpoints").then().statusCode(201).extract().asString();
        Checkpoint kept = Json.read(body, Checkpoint.class);
        assertTrue(kept.heads().stream().anyMatch(h -> h.stream().equals(stream.toString()) && h.version() == 2));
        String publicKey = given().when().get("/api/v1/checkpoints/public-key").then().statusCode(200)
                .body("algorithm", equalTo("Ed25519")).body("keyId", equalTo(kept.signature().keyId()))
                .extract().path("publicKey");
        assertEquals(List.of(), CheckpointVerifier.authentic(kept, Checkpoints.publicKey(publicKey)));
        // ... and the same checkpoint is on the topic.
        assertEquals(Json.tree(body), Json.tree(KafkaTestClient.await(Topics.CHECKPOINTS, 1,
                r -> r.value().contains(kept.checkpointId().toString())).get(0).value()));

        impose(stream, Measure.FULL_BLOCK);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/checkpoints/verify").then()
                .statusCode(200).body("valid", equalTo(true)).body("findings", hasSize(0));

        rewriteConsistently(stream);
        given().when().get("/api/v1/streams/" + stream + "/verify").then().statusCode(200)
                .body("valid", equalTo(true));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/checkpoints/verify").then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("findings", hasSize(1))
                .body("findings[0].stream", equalTo(stream.toString()))
                .body("findings[0].problem", containsString("rewritten: v2 had hash "));

        ObjectNode forged = (ObjectNode) Json.tree(body);
        forged.put("merkleRoot", "0".repeat(64));
        given().contentType(ContentType.JSON).body(Json.write(forged)).when().post("/api/v1/checkpoints/verify").then()
                .statusCode(200).body("valid", equalTo(false))
                .body("findings.problem", org.hamcrest.Matchers.hasItem("the signature does not match the checkpoint"));
    }

    @Test
    void aCheckpointWithAMemberOfTheWrongTypeIsAProblemNamingItNotAnEmpty400() {
        // Jackson's MismatchedInputException (a value of the wrong type or form) met the platform's own mapper, which
        // answers a bare 400 with no body outside dev mode.
        given().contentType(ContentType.JSON).body("{\"checkpointId\": \"not-a-uuid\", \"heads\": []}")
                .when().post("/api/v1/checkpoints/verify").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("checkpointId"));
        given().contentType(ContentType.JSON).body("{\"heads\": [{\"stream\": [1]}]}")
                .when().post("/api/v1/checkpoints/verify").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("heads[0].stream"));
    }

    /** What an attacker with superuser rights would do: change v1, recompute every hash after it. */
    private void rewriteConsistently(StreamId stream) throws SQLException {
        PostgresServer server = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, server.username(), server.password());
             Statement sql = connection.createStatement()) {
            List<ObjectNode> documents = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT data::text FROM events WHERE stream_id = '" + stream
                    + "' ORDER BY stream_version")) {
                while (rows.next()) {
                    documents.add((ObjectNode) Json.tree(rows.getString(1)));
                }
            }
            sql.execute("ALTER TABLE events DISABLE TRIGGER events_append_only");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE events SET data = ?::jsonb, prev_hash = ?, hash = ? WHERE event_id = ?::uuid")) {
                String prev = EventHashing.GENESIS;
                for (ObjectNode document : documents) {
                    if (document.path("streamVersion").asInt() == 1) {
                        ((ObjectNode) document.path("event")).put("reason", "nothing happened");
                    }
                    document.put("prevHash", prev);
                    document.put("hash", EventHashing.hashOf(document));
                    prev = document.path("hash").asText();
                    update.setString(1, Json.write(document));
                    update.setString(2, document.path("prevHash").asText());
                    update.setString(3, document.path("hash").asText());
                    update.setString(4, document.path("eventId").asText());
                    update.executeUpdate();
                }
            } finally {
                sql.execute("ALTER TABLE events ENABLE TRIGGER events_append_only");
            }
        }
    }
}
