package org.restrictionledger.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.config.ContractConfig;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger serves its contract, and the {@code ce_dataschema} of an event it publishes names the exact schema the
 * event was validated against. (With the packaged service on a known port, {@code ContractIT} in e2e-tests fetches the
 * URL itself.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class ContractResourceTest {

    private static final List<Source> SOURCES = List.of(new Source("https://example.org/story", "Example News", null));

    @Inject
    CommandHandler handler;

    @Inject
    ContractConfig config;

    private static byte[] classpath(String path) throws IOException {
        try (InputStream in = ContractResourceTest.class.getClassLoader()
                .getResourceAsStream(EventSchemas.CONTRACT_ROOT + path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theBaseUrlDefaultsToTheLedgersOwnAddress() {
        // quarkus.http.port is 8082 in this configuration (tests run on a random test port).
        assertEquals("http://localhost:8082/contract", config.baseUrl());
        given().when().get("/contract").then().statusCode(200)
                .body("asyncapi", equalTo(config.baseUrl() + "/asyncapi.yaml"))
                .body("eventSchemas.'restriction.imposed'",
                        equalTo(config.baseUrl() + "/schemas/restriction.imposed.v1.json"))
                .body("schemas.status", equalTo(config.baseUrl() + "/schemas/status.v1.json"))
                .body("hashingVectors", equalTo(config.baseUrl() + "/hashing/vectors.json"));
    }

    @Test
    void everyDocumentIsServedByteForByteFromTheContractJar() throws IOException {
        byte[] asyncapi = given().when().get("/contract/asyncapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asByteArray();
        assertArrayEquals(classpath("asyncapi.yaml"), asyncapi);
        for (String name : List.of("restriction.imposed", "restriction.changed", "restriction.lifted", "fine.imposed",
                "fine.paid", "fine.annulled", "alternative.promoted", "record.corrected", "command", "outcome", "status",
                "checkpoint")) {
            String file = EventSchemas.fileOf(name);
            byte[] served = given().when().get("/contract/schemas/" + file).then().statusCode(200)
                    .contentType(startsWith("application/schema+json")).header("Cache-Control", containsString("max-age"))
                    .extract().asByteArray();
            assertArrayEquals(classpath("schemas/" + file), served, file);
        }
        assertArrayEquals(classpath("hashing/vectors.json"),
                given().when().get("/contract/hashing/vectors.json").then().statusCode(200).extract().asByteArray());
        assertArrayEquals(classpath("hashing/vectors/04-unknown-members.json"),
                given().when().get("/contract/hashing/vectors/04-unknown-members.json").then().statusCode(200)
                        .extract().asByteArray());
    }

    @Test
    void anUnknownDocumentIsAProblemNotAFile() {
        given().when().get("/contract/schemas/restriction.nuked.v1.json").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/contract/schemas/..%2Fasyncapi.yaml").then().statusCode(404);
        given().when().get("/contract/schemas/application.properties").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("restriction.imposed.v1.json"));
        given().when().get("/contract/hashing/vectors/..%2F..%2Fjson%2FJson.class").then().statusCode(404);
    }

    @Test
    void ceDataschemaNamesTheServedSchemaTheEventValidatesAgainst() throws IOException {
        StreamId stream = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
        handler.handle(new ImposeRestriction(UUID.randomUUID(), stream, Measure.FULL_BLOCK, List.of(), "Roskomnadzor",
                null, "reason", Effective.day(LocalDate.of(2026, 2, 1)), SOURCES, Instant.now()));
        handler.handle(new ImposeFine(UUID.randomUUID(), stream, new BigDecimal("4000000.00"), "RUB", "court", null,
                null, Effective.day(LocalDate.of(2026, 2, 2)), SOURCES, Instant.now()));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(Topics.EVENTS, 2,
                r -> stream.toString().equals(r.key()));
        for (ConsumerRecord<String, String> record : records) {
            String type = CloudEvents.catalogueType(KafkaTestClient.header(record, CloudEvents.HEADER_TYPE));
            String dataSchema = KafkaTestClient.header(record, CloudEvents.HEADER_DATA_SCHEMA);
            assertEquals(config.baseUrl() + "/schemas/" + type + ".v1.json", dataSchema);

            String served = given().when().get("/contract" + dataSchema.substring(config.baseUrl().length()))
                    .then().statusCode(200).extract().asString();
            JsonNode data = Json.tree(record.value());
            assertTrue(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(served)
                    .validate(data).isEmpty(), dataSchema);
            assertEquals(new String(classpath("schemas/" + type + ".v1.json"), StandardCharsets.UTF_8), served);
            // ... and refuses what the ledger would refuse.
            ((ObjectNode) data).remove("stream");
            assertFalse(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(served)
                    .validate(data).isEmpty(), dataSchema);
        }
    }
}
