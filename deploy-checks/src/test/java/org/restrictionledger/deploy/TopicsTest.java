package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Strimzi KafkaTopic resources (no typed model here): known fields only, and the contract's retention rules. */
class TopicsTest {

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> SPEC = Set.of("topicName", "partitions", "replicas", "config");

    static void check(JsonNode topic, String where, List<String> problems) {
        unknown(topic, TOP, where, problems);
        unknown(topic.path("spec"), SPEC, where + " spec", problems);
        if (!"kafka.strimzi.io/v1beta2".equals(topic.path("apiVersion").asText())) {
            problems.add(where + ": apiVersion must be kafka.strimzi.io/v1beta2");
        }
        if (topic.path("metadata").path("labels").path("strimzi.io/cluster").asText().isEmpty()) {
            problems.add(where + ": no strimzi.io/cluster label");
        }
        if (topic.path("spec").path("partitions").asInt() < 1 || topic.path("spec").path("replicas").asInt() < 1) {
            problems.add(where + ": partitions and replicas must be set");
        }
    }

    private static void unknown(JsonNode node, Set<String> known, String where, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(where + ": unknown field " + name);
            }
        }
    }

    @Test
    void everyContractTopicIsDeclaredWithItsRetention() {
        for (String overlay : List.of("dev", "production")) {
            Map<String, JsonNode> topics = new TreeMap<>();
            Rendered.ofKind(Rendered.overlay(overlay), "KafkaTopic")
                    .forEach(t -> topics.put(t.path("spec").path("topicName").asText(), t));
            assertEquals(new TreeSet<>(List.of("restrictions.commands.v1", "restrictions.events.v1",
                    "restrictions.outcomes.v1", "restrictions.status.v1", "restrictions.checkpoints.v1",
                    "restrictions.commands.v1.ledger-service.dlq",
                    "restrictions.events.v1.query-service.dlq", "restrictions.outcomes.v1.ingest-service.dlq")), topics.keySet());
            assertEquals("-1", topics.get("restrictions.events.v1").path("spec").path("config").path("retention.ms").asText());
            assertEquals("compact", topics.get("restrictions.status.v1").path("spec").path("config").path("cleanup.policy").asText());
        }
    }
}
