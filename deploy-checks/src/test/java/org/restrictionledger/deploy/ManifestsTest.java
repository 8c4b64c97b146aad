package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** deploy/: what every overlay renders must be valid Kubernetes and follow the house rules. */
class ManifestsTest {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "Deployment", Deployment.class,
            "Service", Service.class,
            "ConfigMap", ConfigMap.class,
            "Namespace", Namespace.class,
            "NetworkPolicy", NetworkPolicy.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    private static final List<String> SERVICES = List.of("ingest-service", "ledger-service", "query-service");

    private static List<Deployment> deployments(String overlay) {
        return Rendered.ofKind(Rendered.overlay(overlay), "Deployment").stream()
                .map(d -> Rendered.YAML.convertValue(d, Deployment.class)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectParsesIntoItsTypedModelWithNoUnknownField(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : Rendered.overlay(overlay)) {
            String kind = object.path("kind").asText();
            String where = kind + "/" + object.path("metadata").path("name").asText();
            if ("KafkaTopic".equals(kind)) {
                TopicsTest.check(object, where, problems);
                continue;
            }
            Class<?> model = MODELS.get(kind);
            if (model == null) {
                problems.add(where + ": a kind this check does not know; add its model");
                continue;
            }
            try {
                unknownFields(Rendered.YAML.treeToValue(object, model), where, problems, new IdentityHashMap<>());
            } catch (IOException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void containersAreProbedLimitedPinnedAndUnprivileged(String overlay) {
        List<Deployment> deployments = deployments(overlay);
        assertEquals(SERVICES, deployments.stream().map(d -> d.getMetadata().getName()).sorted().toList());
        for (Deployment d : deployments) {
            var pod = d.getSpec().getTemplate().getSpec();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), d.getMetadata().getName());
            assertEquals("true", d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/scrape"));
            assertEquals("/q/metrics", d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path"));
            for (Container c : pod.getContainers()) {
                String name = d.getMetadata().getName() + "/" + c.getName();
                assertProbe(name, c.getStartupProbe(), "/q/health/started");
                assertProbe(name, c.getLivenessProbe(), "/q/health/live");
                assertProbe(name, c.getReadinessProbe(), "/q/health/ready");
                assertNotNull(c.getResources().getLimits().get("cpu"), name + " has no CPU limit");
                assertNotNull(c.getResources().getLimits().get("memory"), name + " has no memory limit");
                assertNotNull(c.getResources().getRequests().get("memory"), name + " has no memory request");
                String tag = c.getImage().substring(c.getImage().lastIndexOf(':') + 1);
                assertTrue(c.getImage().contains(":") && !tag.equals("latest") && !tag.contains("/"),
                        name + " image is not pinned: " + c.getImage());
                assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), name + " root filesystem is writable");
                assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation(), name);
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), name);
                assertTrue(c.getEnv().stream().anyMatch(e -> e.getValueFrom() != null
                                && e.getValueFrom().getSecretKeyRef() != null
                                && e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")),
                        name + " does not take the database password from a Secret");
            }
        }
    }

    @Test
    void noSecretValuesAreCommitted() {
        for (String overlay : List.of("dev", "production")) {
            assertEquals(List.of(), Rendered.ofKind(Rendered.overlay(overlay), "Secret"), "a Secret is rendered from the repository");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void configMapKeysAreKeysTheServicesRead(String overlay) throws IOException {
        for (JsonNode object : Rendered.ofKind(Rendered.overlay(overlay), "ConfigMap")) {
            String service = object.path("metadata").path("name").asText();
            Set<String> read = envForms(service);
            Set<String> unread = new TreeSet<>();
            object.path("data").fieldNames().forEachRemaining(key -> {
                if (!read.contains(key)) {
                    unread.add(key);
                }
            });
            assertEquals(Set.of(), unread, service + "'s ConfigMap sets keys its application.properties does not have");
        }
    }

    @Test
    void productionSpreadsBudgetsAndAutoscales() {
        List<JsonNode> objects = Rendered.overlay("production");
        assertEquals("restriction-ledger", Rendered.ofKind(objects, "Namespace").get(0).path("metadata").path("name").asText());
        for (Deployment d : deployments("production")) {
            assertTrue(d.getSpec().getReplicas() >= 2, d.getMetadata().getName() + " has one replica");
            assertFalse(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().isEmpty());
        }
        Set<String> budgets = Rendered.ofKind(objects, "PodDisruptionBudget").stream()
                .map(p -> p.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SERVICES), budgets);
        HorizontalPodAutoscaler hpa = Rendered.YAML.convertValue(Rendered.ofKind(objects, "HorizontalPodAutoscaler").get(0),
                HorizontalPodAutoscaler.class);
        assertEquals("query-service", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
    }

    @Test
    void devRunsOneSmallReplicaOfEachInANamespaceOfItsOwn() {
        List<JsonNode> objects = Rendered.overlay("dev");
        assertEquals("restriction-ledger-dev", Rendered.ofKind(objects, "Namespace").get(0).path("metadata").path("name").asText());
        objects.stream().filter(o -> !"Namespace".equals(o.path("kind").asText()))
                .forEach(o -> assertEquals("restriction-ledger-dev", o.path("metadata").path("namespace").asText(),
                        o.path("kind").asText() + "/" + o.path("metadata").path("name").asText()));
        deployments("dev").forEach(d -> assertEquals(1, d.getSpec().getReplicas()));
        assertEquals(List.of(), Rendered.ofKind(objects, "HorizontalPodAutoscaler"));
    }

    @Test
    void onlyWhatMustTalkTalks() {
        List<NetworkPolicy> policies = Rendered.ofKind(Rendered.overlay("production"), "NetworkPolicy").stream()
                .map(p -> Rendered.YAML.convertValue(p, NetworkPolicy.class)).toList();
        NetworkPolicy base = policies.stream().filter(p -> p.getMetadata().getName().equals("restriction-ledger-default"))
                .findFirst().orElseThrow();
        assertEquals(List.of("Ingress", "Egress"), base.getSpec().getPolicyTypes());
        Set<Integer> egressPorts = base.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                .map(p -> p.getPort().getIntVal()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(53, 5432, 9092, 9093)), egressPorts);
        NetworkPolicy ledger = policies.stream().filter(p -> p.getMetadata().getName().equals("ledger-http"))
                .findFirst().orElseThrow();
        assertFalse(ledger.getSpec().getIngress().get(0).getFrom().isEmpty(), "the ledger's API is open to all");
    }

    @Test
    void theUnknownFieldCheckCatchesATypo() throws IOException {
        JsonNode typo = Rendered.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          livenessProbe: {httpGet: {path: /q/health/live, port: 8080}, periodSecond: 10}
                """);
        List<String> problems = new ArrayList<>();
        unknownFields(Rendered.YAML.treeToValue(typo, Deployment.class), "Deployment/x", problems, new IdentityHashMap<>());
        assertEquals(List.of("Deployment/x: unknown fields [periodSecond] in Probe"), problems);
    }

    private static void assertProbe(String container, Probe probe, String path) {
        assertNotNull(probe, container + " lacks a probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath(), container);
    }

    /** The environment-variable forms of the keys in the service's application.properties. */
    private static Set<String> envForms(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Rendered.ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream()
                .map(key -> key.replaceFirst("^%[a-z]+\\.", ""))
                .map(key -> key.toUpperCase().replaceAll("[^A-Z0-9]", "_"))
                .collect(Collectors.toSet());
    }

    /** Fields the model did not know end up in getAdditionalProperties(): there must be none, at any depth. */
    static void unknownFields(Object value, String where, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> unknownFields(item, where, problems, seen));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> unknownFields(item, where, problems, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object result = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (result instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(where + ": unknown fields " + extra.keySet() + " in " + value.getClass().getSimpleName());
                    }
                } else {
                    unknownFields(result, where, problems, seen);
                }
            } catch (ReflectiveOperationException e) {
                fail(e);
            }
        }
    }
}
