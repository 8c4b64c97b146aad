package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Strimzi objects, read into the Strimzi API model (kafka.strimzi.io/v1, unknown fields rejected): every contract
 * topic with its retention, one cluster label from the overlay that also names the bootstrap address and CA, and per
 * service a KafkaUser whose ACLs cover what its application.properties consumes and produces, and nothing undeclared.
 */
class StrimziTest {

    static final Set<String> TOPICS = Set.of("restrictions.commands.v1", "restrictions.events.v1",
            "restrictions.outcomes.v1", "restrictions.status.v1", "restrictions.checkpoints.v1",
            "restrictions.commands.v1.ledger-service.dlq", "restrictions.events.v1.query-service.dlq",
            "restrictions.outcomes.v1.ingest-service.dlq");

    private static Map<String, KafkaTopic> topics(String overlay) {
        Map<String, KafkaTopic> topics = new TreeMap<>();
        Rendered.ofKind(Rendered.overlay(overlay), "KafkaTopic").stream().map(t -> Models.parse(t, KafkaTopic.class))
                .forEach(t -> topics.put(t.getSpec().getTopicName(), t));
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyContractTopicIsDeclaredWithItsRetention(String overlay) {
        Map<String, KafkaTopic> topics = topics(overlay);
        assertEquals(new TreeSet<>(TOPICS), topics.keySet());
        assertEquals("-1", topics.get("restrictions.events.v1").getSpec().getConfig().get("retention.ms"));
        assertEquals("-1", topics.get("restrictions.checkpoints.v1").getSpec().getConfig().get("retention.ms"));
        assertEquals("compact", topics.get("restrictions.status.v1").getSpec().getConfig().get("cleanup.policy"));
        topics.values().forEach(t -> assertTrue(t.getSpec().getPartitions() >= 1 && t.getSpec().getReplicas() >= 1,
                t.getMetadata().getName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void oneClusterNameLabelsEveryStrimziObjectAndNamesBootstrapAndCa(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Set<String> clusters = objects.stream().filter(o -> o.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
                .map(o -> o.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                .collect(Collectors.toSet());
        assertEquals(1, clusters.size(), "strimzi.io/cluster values: " + clusters);
        String cluster = clusters.iterator().next();
        assertTrue(!cluster.isEmpty(), "the overlay sets no strimzi.io/cluster label");
        String bootstrap = Rendered.named(objects, "ConfigMap", "restriction-ledger-shared").path("data")
                .path("KAFKA_BOOTSTRAP_SERVERS").asText();
        assertEquals(cluster + "-kafka-bootstrap:9093", bootstrap);
        ManifestsTest.deployments(objects).forEach(d -> assertEquals(cluster + "-cluster-ca-cert",
                d.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals("kafka-cluster-ca"))
                        .findFirst().orElseThrow().getSecret().getSecretName(), d.getMetadata().getName()));
        objects.stream().filter(o -> o.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
                .forEach(o -> assertEquals("kafka.strimzi.io/v1", o.path("apiVersion").asText(), Rendered.where(o)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachServiceMayUseExactlyItsTopicsAndGroup(String overlay) {
        Map<String, KafkaUser> users = new TreeMap<>();
        Rendered.ofKind(Rendered.overlay(overlay), "KafkaUser").stream().map(u -> Models.parse(u, KafkaUser.class))
                .forEach(u -> users.put(u.getMetadata().getName(), u));
        assertEquals(new TreeSet<>(Rendered.SERVICES), users.keySet());
        for (String service : Rendered.SERVICES) {
            KafkaUser user = users.get(service);
            assertInstanceOf(KafkaUserScramSha512ClientAuthentication.class, user.getSpec().getAuthentication(), service);
            List<AclRule> acls = assertInstanceOf(KafkaUserAuthorizationSimple.class, user.getSpec().getAuthorization()).getAcls();
            Set<String> granted = new TreeSet<>();
            for (AclRule acl : acls) {
                assertNull(acl.getOperation(), service + ": `operation` is gone in v1; use `operations`");
                String resource;
                if (acl.getResource() instanceof AclRuleTopicResource t) {
                    assertTrue(TOPICS.contains(t.getName()), service + " may use an undeclared topic " + t.getName());
                    assertEquals(AclResourcePatternType.LITERAL, t.getPatternType(), service);
                    resource = "topic " + t.getName();
                } else if (acl.getResource() instanceof AclRuleGroupResource g) {
                    assertEquals(AclResourcePatternType.LITERAL, g.getPatternType(), service);
                    resource = "group " + g.getName();
                } else {
                    throw new AssertionError(service + ": an ACL on " + acl.getResource().getType());
                }
                acl.getOperations().forEach(op -> granted.add(resource + " " + op));
            }
            Set<String> needed = needed(service);
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(granted);
            assertEquals(Set.of(), missing, service + "'s KafkaUser lacks what application.properties uses");
            Set<String> groups = granted.stream().filter(g -> g.startsWith("group ")).map(g -> g.split(" ")[1])
                    .collect(Collectors.toSet());
            assertEquals(Set.of(service), groups, service + " may join other groups");
        }
    }

    @Test
    void theStrimziModelCatchesATypoAndAnOldVersion() throws Exception {
        JsonNode typo = Rendered.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: x}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: t, patternType: literal}
                        operatons: [Read]
                """);
        List<String> problems = new ArrayList<>();
        Models.parse(typo, problems);
        assertEquals(List.of("KafkaUser/x: unknown fields [operatons] in AclRule"), problems);
        problems.clear();
        Models.parse(Rendered.YAML.readTree("{apiVersion: kafka.strimzi.io/v1beta2, kind: KafkaTopic, metadata: {name: y}}"),
                problems);
        assertEquals(List.of("KafkaTopic/y: kafka.strimzi.io/v1beta2 KafkaTopic is not a kind these checks know (or not that version)"),
                problems);
    }

    /** From the service's channels: Read on incoming topics and their group, Write on outgoing and DLQ topics. */
    private static Set<String> needed(String service) {
        Properties p = Rendered.applicationProperties(service);
        Set<String> needed = new TreeSet<>();
        List<String> keys = new ArrayList<>(p.stringPropertyNames());
        for (String key : keys) {
            String[] parts = key.split("\\.", 5);
            if (parts.length < 5 || !parts[0].equals("mp") || !parts[1].equals("messaging")) {
                continue;
            }
            String value = p.getProperty(key);
            boolean incoming = parts[2].equals("incoming");
            switch (parts[4]) {
                case "topic" -> {
                    needed.add("topic " + value + " " + (incoming ? AclOperation.READ : AclOperation.WRITE));
                    needed.add("topic " + value + " " + AclOperation.DESCRIBE);
                }
                case "group.id" -> needed.add("group " + value + " " + AclOperation.READ);
                case "dead-letter-queue.topic" -> {
                    needed.add("topic " + value + " " + AclOperation.WRITE);
                    needed.add("topic " + value + " " + AclOperation.DESCRIBE);
                }
                default -> {
                }
            }
        }
        assertTrue(needed.stream().anyMatch(n -> n.startsWith("group ")), service + ": no consumer group found");
        return needed;
    }
}
