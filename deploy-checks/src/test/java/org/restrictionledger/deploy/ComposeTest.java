package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml: valid for Compose (checked by docker-compose itself, no engine needed), and complete. */
class ComposeTest {

    private static JsonNode config() throws Exception {
        String resolved = Rendered.run(List.of("docker-compose", "-f", "docker-compose.yml", "config"),
                "docker-compose is needed to validate docker-compose.yml (no engine needed): apt-get install docker-compose");
        return Rendered.YAML.readTree(resolved);
    }

    @Test
    void composeValidatesAndRunsTheWholeProduct() throws Exception {
        JsonNode services = config().path("services");
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("kafka", "kafka-topics", "postgres", "ingest-service", "ledger-service",
                "query-service", "sample-data")), names);
        assertTrue(services.path("kafka").path("image").asText().startsWith("apache/kafka:"));
        for (String service : List.of("ingest-service", "ledger-service", "query-service")) {
            JsonNode s = services.path(service);
            assertTrue(s.path("healthcheck").path("test").toString().contains("/q/health/ready"), service);
            assertEquals("service_healthy", s.path("depends_on").path("postgres").path("condition").asText(), service);
            assertEquals("service_completed_successfully",
                    s.path("depends_on").path("kafka-topics").path("condition").asText(), service);
            assertTrue(Files.isRegularFile(Rendered.ROOT.resolve(service + "/src/main/docker/Dockerfile.jvm")), service);
            assertTrue(s.path("build").path("dockerfile").asText().endsWith("src/main/docker/Dockerfile.jvm"), service);
        }
        assertEquals("service_healthy", services.path("sample-data").path("depends_on").path("ingest-service")
                .path("condition").asText());
        assertTrue(services.path("kafka").has("healthcheck"));
        assertTrue(services.path("postgres").has("healthcheck"));
    }
}
