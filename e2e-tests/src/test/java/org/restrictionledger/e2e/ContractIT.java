package org.restrictionledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.ChainVerifier;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.testsupport.KafkaTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.restrictionledger.e2e.Reports.submitAndAwait;

/**
 * A partner's first steps against the running stack: the {@code ce_dataschema} of an event on the topic is a URL that
 * answers with the exact schema the event validates against, and the chain on the topic verifies as received.
 */
class ContractIT {

    private final RunningProduct product = RunningProduct.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void ceDataschemaResolvesToTheSchemaTheEventValidatesAgainst() throws IOException, InterruptedException {
        String eventId = submitAndAwait("""
                {"type": "restriction.imposed", "country": "Turkmenistan", "platform": "Telegram", "measure": "THROTTLING",
                 "effective": "2026-01", "sources": [{"url": "https://example.org/tm-telegram"}]}
                """, "ACCEPTED").extract().path("eventIds[0]");
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.EVENTS, 1,
                r -> eventId.equals(KafkaTestClient.header(r, CloudEvents.HEADER_ID))).get(0);

        String dataSchema = KafkaTestClient.header(record, CloudEvents.HEADER_DATA_SCHEMA);
        // By default the ledger names its own port on localhost (LEDGER_CONTRACT_BASE_URL changes it).
        assertEquals(product.url(RunningProduct.Service.LEDGER).replace("127.0.0.1", "localhost")
                + "/contract/schemas/restriction.imposed.v1.json", dataSchema);
        HttpResponse<byte[]> schema = http.send(HttpRequest.newBuilder(URI.create(dataSchema)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, schema.statusCode());
        assertTrue(schema.headers().firstValue("Content-Type").orElse("").startsWith("application/schema+json"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventSchemas.resourceOf("restriction.imposed"))) {
            assertArrayEquals(in.readAllBytes(), schema.body());
        }
        assertTrue(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new String(schema.body(), java.nio.charset.StandardCharsets.UTF_8))
                .validate(Json.tree(record.value())).isEmpty());

        List<String> received = KafkaTestClient.await(Topics.EVENTS, 1, r -> "TM/telegram".equals(r.key())).stream()
                .map(ConsumerRecord::value).toList();
        ChainVerifier.Verification verification = ChainVerifier.verifyReceived(StreamId.parse("TM/telegram"), received);
        assertTrue(verification.valid(), verification::toString);
    }

    /** The status topic, read from offset 0, says what the query API says. */
    @Test
    void theStatusTopicAgreesWithTheQueryApi() {
        String eventId = submitAndAwait("""
                {"type": "restriction.imposed", "country": "Tajikistan", "platform": "WhatsApp", "measure": "FEATURE_LIMIT",
                 "features": ["voice_calls"], "effective": "2026-02-03", "sources": [{"publisher": "Example Wire"}]}
                """, "ACCEPTED").extract().path("eventIds[0]");
        List<ConsumerRecord<String, String>> statuses = KafkaTestClient.await(Topics.STATUS, 1,
                r -> "TJ/whatsapp".equals(r.key()));
        ObjectNode latest = (ObjectNode) Json.tree(statuses.get(statuses.size() - 1).value());
        assertEquals(eventId, latest.remove("eventId").asText());
        long version = latest.path("version").asLong();

        String detail = given().baseUri(product.url(RunningProduct.Service.QUERY)).queryParam("minVersion", version)
                .when().get("/api/v1/countries/TJ/platforms/whatsapp").then().statusCode(200).extract().asString();
        assertEquals(withoutNulls(latest), withoutNulls(Json.tree(detail)));
    }

    /** Whether a member that is null is written or left out is not part of the contract. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.mapper().createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            node.forEach(n -> copy.add(withoutNulls(n)));
            return copy;
        }
        return node;
    }
}
