package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI document is valid AsyncAPI 3.0 (checked against the specification's own JSON Schema, vendored under
 * {@code src/test/resources/asyncapi-spec/}), names every topic of the contract, and every schema it references exists.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String DOCUMENT = EventSchemas.CONTRACT_ROOT + "asyncapi.yaml";

    private static JsonNode document() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            return YAML.readTree(in);
        }
    }

    private static Set<ValidationMessage> validateAgainstTheSpecification(JsonNode document) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader()
                .getResourceAsStream("asyncapi-spec/asyncapi-3.0.0.schema.json")) {
            JsonSchema spec = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            return spec.validate(document);
        }
    }

    @Test
    void theDocumentIsValidAsyncApi3() throws IOException {
        JsonNode document = document();
        assertEquals("3.0.0", document.path("asyncapi").asText());
        Set<ValidationMessage> errors = validateAgainstTheSpecification(document);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    /** The check can fail: a document with faults the specification forbids is refused. */
    @Test
    void aFaultyDocumentIsRefused() throws IOException {
        ObjectNode faulty = (ObjectNode) document();
        faulty.remove("info");
        ((ObjectNode) faulty.path("channels").path("events")).put("address", 42);
        ((ObjectNode) faulty.path("operations").path("sendEvents")).put("action", "publish");
        assertFalse(validateAgainstTheSpecification(faulty).isEmpty());
    }

    @Test
    void everyTopicOfTheContractIsAChannel() throws IOException {
        Set<String> addresses = new TreeSet<>();
        document().path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertEquals(new TreeSet<>(List.of(Topics.COMMANDS, Topics.EVENTS, Topics.OUTCOMES, Topics.STATUS,
                Topics.CHECKPOINTS, Topics.deadLetter(Topics.COMMANDS, "ledger-service"),
                Topics.deadLetter(Topics.EVENTS, "query-service"), Topics.deadLetter(Topics.OUTCOMES, "ingest-service"))),
                addresses);
    }

    @Test
    void everyEventTypeHasAMessageWithItsCloudEventsTypeAndSchema() throws IOException {
        JsonNode messages = document().path("components").path("messages");
        Set<String> names = new TreeSet<>();
        messages.forEach(m -> names.add(m.path("name").asText()));
        for (String type : EventSchemas.TYPES) {
            String ceType = CloudEvents.TYPE_PREFIX + type + CloudEvents.TYPE_SUFFIX;
            assertTrue(names.contains(ceType), ceType);
        }
        assertEquals(EventSchemas.TYPES.size(), document().path("channels").path("events").path("messages").size());
    }

    /** Every {@code $ref}: a local one points at something, a file one at a schema of this jar that loads. */
    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode document = document();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 20, refs::toString);
        Set<String> files = new TreeSet<>();
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertFalse(document.at(ref.substring(1)).isMissingNode(), ref);
            } else {
                assertTrue(ref.startsWith("schemas/") && ref.endsWith(".v1.json"), ref);
                files.add(ref);
                String name = ref.substring("schemas/".length(), ref.length() - ".v1.json".length());
                // Loads the schema (draft 2020-12) and checks a document against it: a missing file throws here.
                assertFalse(EventSchemas.validate(name, Json.tree("{}")).isEmpty(), ref);
            }
        }
        Set<String> expected = new TreeSet<>();
        EventSchemas.TYPES.forEach(t -> expected.add("schemas/" + EventSchemas.fileOf(t)));
        List.of(EventSchemas.COMMAND, EventSchemas.OUTCOME, EventSchemas.STATUS, EventSchemas.CHECKPOINT)
                .forEach(n -> expected.add("schemas/" + EventSchemas.fileOf(n)));
        assertEquals(expected, files);
    }

    private static void collectRefs(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    into.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, into));
        }
    }
}
