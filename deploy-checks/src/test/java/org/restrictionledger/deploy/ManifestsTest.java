package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/: what every overlay renders must be valid Kubernetes and follow the house rules. */
class ManifestsTest {

    private static final List<String> RECOMMENDED_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
            "app.kubernetes.io/version", "app.kubernetes.io/component", "app.kubernetes.io/part-of",
            "app.kubernetes.io/managed-by");
    private static final String SHARED_CONFIG = "restriction-ledger-shared";

    static List<Deployment> deployments(List<JsonNode> objects) {
        return Rendered.ofKind(objects, "Deployment").stream().map(d -> Models.parse(d, Deployment.class)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectParsesIntoItsTypedModelWithNoUnknownField(String overlay) {
        List<String> problems = new ArrayList<>();
        Rendered.overlay(overlay).forEach(object -> Models.parse(object, problems));
        Rendered.productionWithTracing().forEach(object -> Models.parse(object, problems));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectCarriesTheRecommendedLabels(String overlay) {
        List<String> missing = new ArrayList<>();
        for (JsonNode object : Rendered.overlay(overlay)) {
            if (object.path("kind").asText().equals("Namespace")) {
                continue;
            }
            check(object.path("metadata").path("labels"), Rendered.where(object), missing);
            if (object.path("kind").asText().equals("Deployment")) {
                check(object.path("spec").path("template").path("metadata").path("labels"), Rendered.where(object) + " pods", missing);
            }
        }
        assertEquals(List.of(), missing);
    }

    private static void check(JsonNode labels, String where, List<String> missing) {
        RECOMMENDED_LABELS.stream().filter(l -> labels.path(l).asText().isEmpty()).forEach(l -> missing.add(where + ": " + l));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void containersAreProbedOnTheManagementPortLimitedAndUnprivileged(String overlay) {
        List<Deployment> deployments = deployments(Rendered.overlay(overlay));
        assertEquals(Rendered.SERVICES, deployments.stream().map(d -> d.getMetadata().getName()).sorted().toList());
        for (Deployment d : deployments) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String name = d.getMetadata().getName();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), name);
            assertFalse(pod.getAutomountServiceAccountToken(), name + " mounts a service-account token nothing uses");
            assertFalse(pod.getTopologySpreadConstraints().isEmpty(), name + " has no topologySpreadConstraints");
            pod.getTopologySpreadConstraints().forEach(t -> assertEquals(name,
                    t.getLabelSelector().getMatchLabels().get("app.kubernetes.io/name"), name + " spreads another's pods"));
            assertEquals(1, pod.getContainers().size(), name);
            Container c = pod.getContainers().get(0);
            Map<String, Integer> ports = c.getPorts().stream()
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            assertEquals(Map.of("http", 8080, "management", 9000), ports, name);
            assertProbe(name, c.getStartupProbe(), "/q/health/started");
            assertProbe(name, c.getLivenessProbe(), "/q/health/live");
            assertProbe(name, c.getReadinessProbe(), "/q/health/ready");
            Map<String, Quantity> requests = c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources().getLimits();
            assertNotNull(limits.get("cpu"), name + " has no CPU limit");
            assertNotNull(requests.get("cpu"), name + " has no CPU request");
            assertTrue(Quantity.getAmountInBytes(requests.get("memory")).compareTo(Quantity.getAmountInBytes(limits.get("memory"))) < 0,
                    name + ": the memory request leaves no room below the limit");
            assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), name + " root filesystem is writable");
            assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation(), name);
            assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), name);
            Set<String> env = c.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
            assertFalse(env.contains("JAVA_OPTS_APPEND") || env.contains("JAVA_OPTS"),
                    name + " replaces the image's JVM options; use JAVA_MAX_MEM_RATIO or JAVA_TOOL_OPTIONS");
            assertEquals(Set.of(SHARED_CONFIG, name), c.getEnvFrom().stream().map(e -> e.getConfigMapRef().getName())
                    .collect(Collectors.toSet()), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void credentialsComeFromSecretsBothDatabaseRolesAndTheKafkaUser(String overlay) {
        for (Deployment d : deployments(Rendered.overlay(overlay))) {
            String service = d.getMetadata().getName();
            Map<String, String> fromSecrets = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName() + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey()));
            assertEquals(Map.of(
                    "QUARKUS_DATASOURCE_USERNAME", service + "-db/username",
                    "QUARKUS_DATASOURCE_PASSWORD", service + "-db/password",
                    "QUARKUS_FLYWAY_USERNAME", service + "-db/owner-username",
                    "QUARKUS_FLYWAY_PASSWORD", service + "-db/owner-password",
                    // the Secret Strimzi's User Operator writes for the KafkaUser of the same name
                    "KAFKA_SASL_JAAS_CONFIG", service + "/sasl.jaas.config"), fromSecrets, service);
        }
    }

    @Test
    void noSecretValuesAreRenderedAndTheExampleHasOnlyPlaceholders() throws IOException {
        for (String overlay : Rendered.OVERLAYS) {
            assertEquals(List.of(), Rendered.ofKind(Rendered.overlay(overlay), "Secret"), "a Secret is rendered from the repository");
        }
        Path example = Rendered.ROOT.resolve("deploy/secrets/db-secrets.example.yaml");
        List<JsonNode> secrets = new ArrayList<>();
        Rendered.YAML.readerFor(JsonNode.class).readValues(Files.readString(example))
                .forEachRemaining(o -> secrets.add((JsonNode) o));
        List<String> problems = new ArrayList<>();
        secrets.forEach(s -> Models.parse(s, problems));
        assertEquals(List.of(), problems);
        assertEquals(Rendered.SERVICES.stream().map(s -> s + "-db").toList(),
                secrets.stream().map(s -> s.path("metadata").path("name").asText()).toList());
        for (JsonNode secret : secrets) {
            JsonNode data = secret.path("stringData");
            assertEquals(Set.of("username", "password", "owner-username", "owner-password"), fieldNames(data));
            assertTrue(data.path("password").asText().startsWith("REPLACE-"), Rendered.where(secret));
            assertTrue(data.path("owner-password").asText().startsWith("REPLACE-"), Rendered.where(secret));
            assertFalse(data.path("username").asText().equals(data.path("owner-username").asText()), Rendered.where(secret));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void configMapKeysAreKeysTheServicesRead(String overlay) {
        Set<String> kafkaClientKeys = Stream.of(ProducerConfig.configNames(), ConsumerConfig.configNames(),
                        AdminClientConfig.configNames()).flatMap(Set::stream)
                .map(k -> "KAFKA_" + envForm(k)).collect(Collectors.toSet());
        Set<String> everyService = new TreeSet<>();
        Rendered.SERVICES.forEach(s -> everyService.addAll(envForms(s)));
        for (JsonNode object : Rendered.ofKind(Rendered.overlay(overlay), "ConfigMap")) {
            String name = object.path("metadata").path("name").asText();
            if (name.equals("restriction-ledger-dashboard")) {
                continue; // Grafana's, not a service's (MonitoringTest)
            }
            Set<String> read = name.equals(SHARED_CONFIG) ? everyService : envForms(name);
            Set<String> unread = new TreeSet<>(fieldNames(object.path("data")));
            unread.removeAll(read);
            if (name.equals(SHARED_CONFIG)) {
                unread.removeAll(kafkaClientKeys);
            }
            assertEquals(Set.of(), unread, name + " sets keys the services do not read");
        }
    }

    @Test
    void theRequestsAndLimitsAreTheMeasuredOnesDeployReadmeGives() throws IOException {
        // | ingest-service | 557 MiB | 252 MiB | 259 MiB | 100m, 576Mi | 1, 768Mi |
        Map<String, String> documented = Files.readString(Rendered.ROOT.resolve("deploy/README.md")).lines()
                .filter(l -> Rendered.SERVICES.stream().anyMatch(s -> l.startsWith("| " + s + " |")))
                .map(l -> l.split("\\|"))
                .collect(Collectors.toMap(c -> c[1].trim(), c -> c[5].trim() + " / " + c[6].trim()));
        assertEquals(new TreeSet<>(Rendered.SERVICES), new TreeSet<>(documented.keySet()), "deploy/README.md, Resources");
        for (Deployment d : deployments(Rendered.overlay("production"))) {
            var resources = d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
            assertEquals(documented.get(d.getMetadata().getName()),
                    resources.getRequests().get("cpu") + ", " + resources.getRequests().get("memory") + " / "
                            + resources.getLimits().get("cpu") + ", " + resources.getLimits().get("memory"),
                    d.getMetadata().getName() + ": requests and limits differ from the measured ones documented");
        }
    }

    @Test
    void productionSpreadsBudgetsAndLetsTheAutoscalerOwnQueryReplicas() {
        List<JsonNode> objects = Rendered.overlay("production");
        assertEquals("restriction-ledger", Rendered.ofKind(objects, "Namespace").get(0).path("metadata").path("name").asText());
        for (Deployment d : deployments(objects)) {
            if (d.getMetadata().getName().equals("query-service")) {
                assertNull(d.getSpec().getReplicas(), "query-service sets replicas, which fights its autoscaler on every apply");
            } else {
                assertTrue(d.getSpec().getReplicas() >= 2, d.getMetadata().getName() + " has one replica");
            }
        }
        assertEquals(new TreeSet<>(Rendered.SERVICES), Rendered.ofKind(objects, "PodDisruptionBudget").stream()
                .map(p -> p.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new)));
        HorizontalPodAutoscaler hpa = Models.parse(Rendered.ofKind(objects, "HorizontalPodAutoscaler").get(0),
                HorizontalPodAutoscaler.class);
        assertEquals("query-service", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
    }

    @Test
    void devRunsOneSmallReplicaOfEachInANamespaceOfItsOwn() {
        List<JsonNode> objects = Rendered.overlay("dev");
        assertEquals("restriction-ledger-dev", Rendered.ofKind(objects, "Namespace").get(0).path("metadata").path("name").asText());
        objects.stream().filter(o -> !"Namespace".equals(o.path("kind").asText()))
                .forEach(o -> assertEquals("restriction-ledger-dev", o.path("metadata").path("namespace").asText(), Rendered.where(o)));
        deployments(objects).forEach(d -> assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName()));
        assertEquals(List.of(), Rendered.ofKind(objects, "HorizontalPodAutoscaler"));
    }

    @Test
    void onlyWhatMustTalkTalks() {
        List<NetworkPolicy> policies = policies(Rendered.overlay("production"));
        NetworkPolicy base = policy(policies, "restriction-ledger-default");
        assertEquals(List.of("Ingress", "Egress"), base.getSpec().getPolicyTypes());
        // 443: the identity provider (OIDC discovery and JWKS) that signs the bearer tokens.
        assertEquals(Set.of(53, 443, 5432, 9092, 9093), egressPorts(policies));
        assertFalse(policy(policies, "ledger-http").getSpec().getIngress().get(0).getFrom().isEmpty(), "the ledger's API is open to all");
        NetworkPolicy management = policy(policies, "management-from-monitoring");
        assertEquals(9000, management.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal());
        List<NetworkPolicyPeer> from = management.getSpec().getIngress().get(0).getFrom();
        assertEquals(1, from.size());
        assertEquals(Map.of("restrictionledger.org/monitoring", "true"), from.get(0).getNamespaceSelector().getMatchLabels());
        // ports any pod may be reached on from anywhere: only the two public APIs
        policies.stream().flatMap(p -> p.getSpec().getIngress().stream()).filter(i -> i.getFrom().isEmpty())
                .flatMap(i -> i.getPorts().stream()).forEach(p -> assertEquals(8080, p.getPort().getIntVal()));
    }

    @Test
    void tracingTurnsOnExportAndItsEgressTogether() {
        assertFalse(egressPorts(policies(Rendered.overlay("production"))).contains(4317), "OTLP egress open while tracing is off");
        List<JsonNode> traced = Rendered.productionWithTracing();
        assertTrue(egressPorts(policies(traced)).contains(4317), "tracing on, but its OTLP egress is blocked");
        JsonNode shared = Rendered.named(traced, "ConfigMap", SHARED_CONFIG).path("data");
        assertEquals("false", shared.path("QUARKUS_OTEL_SDK_DISABLED").asText());
        assertTrue(shared.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText().endsWith(":4317"));
    }

    @Test
    void webhooksOpenHttpsToPublicAddressesForTheQueryServiceOnly() {
        // By default HTTPS egress is the identity provider's policy alone (to be narrowed to the provider): no
        // webhook egress unless the component is added.
        List<NetworkPolicy> defaults = policies(Rendered.overlay("production"));
        assertFalse(defaults.stream().anyMatch(p -> p.getMetadata().getName().equals("webhook-egress")),
                "webhook egress open by default");
        assertFalse(egressPorts(defaults.stream().filter(p -> !p.getMetadata().getName().equals("identity-provider-egress"))
                .toList()).contains(443), "HTTPS egress open by a policy other than the identity provider's");
        NetworkPolicy webhooks = policy(policies(Rendered.kustomize(
                java.nio.file.Path.of("src/test/resources/overlays/production-with-webhooks").toAbsolutePath())),
                "webhook-egress");
        assertEquals(Map.of("app.kubernetes.io/name", "query-service"), webhooks.getSpec().getPodSelector().getMatchLabels());
        var rule = webhooks.getSpec().getEgress().get(0);
        assertEquals(List.of(443), rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
        var block = rule.getTo().get(0).getIpBlock();
        assertEquals("0.0.0.0/0", block.getCidr());
        assertTrue(block.getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                "127.0.0.0/8", "169.254.0.0/16")), "a private or metadata range is reachable: " + block.getExcept());
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
        Models.unknownFields(Rendered.YAML.treeToValue(typo, Deployment.class), "Deployment/x", problems, new IdentityHashMap<>());
        assertEquals(List.of("Deployment/x: unknown fields [periodSecond] in Probe"), problems);
    }

    private static List<NetworkPolicy> policies(List<JsonNode> objects) {
        return Rendered.ofKind(objects, "NetworkPolicy").stream().map(p -> Models.parse(p, NetworkPolicy.class)).toList();
    }

    private static NetworkPolicy policy(List<NetworkPolicy> policies, String name) {
        return policies.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static Set<Integer> egressPorts(List<NetworkPolicy> policies) {
        return policies.stream().flatMap(p -> p.getSpec().getEgress().stream()).flatMap(e -> e.getPorts().stream())
                .map(p -> p.getPort().getIntVal()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertProbe(String container, Probe probe, String path) {
        assertNotNull(probe, container + " lacks a probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath(), container);
        assertEquals("management", probe.getHttpGet().getPort().getStrVal(), container + ": health is on the management port");
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String envForm(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /** The environment-variable forms of the keys in the service's application.properties. */
    private static Set<String> envForms(String service) {
        return Rendered.applicationProperties(service).stringPropertyNames().stream()
                .map(key -> key.replaceFirst("^%[a-z]+\\.", ""))
                .map(ManifestsTest::envForm)
                .collect(Collectors.toSet());
    }
}
