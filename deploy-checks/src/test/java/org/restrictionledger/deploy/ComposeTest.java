package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml, without Docker: valid against the Compose Specification's JSON Schema (a pinned copy, see
 * {@link PinnedTool#COMPOSE_SCHEMA}), and what README "Deploy" promises of it: Kafka reachable from the host on
 * localhost:9092 and from the containers on a listener of their own, its data in its volume, both database roles per
 * service, an idempotent sample-data loader, and the optional observability profile.
 */
class ComposeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file as Compose reads it: YAML merge keys (<<: *service) resolved. */
    static JsonNode compose() throws Exception {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object loaded = yaml.load(Files.readString(Rendered.ROOT.resolve("docker-compose.yml")));
        return JSON.valueToTree(loaded);
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @Test
    void theComposeFileIsValidForTheComposeSpecification() throws Exception {
        // The schema names itself with a relative $id ("compose_spec.json"), which the validator wants absolute; its
        // references are all local (#/definitions/...), so the id changes nothing else.
        ObjectNode schemaTree = (ObjectNode) JSON.readTree(PinnedTool.COMPOSE_SCHEMA.file().toFile());
        schemaTree.put("$id", "https://compose-spec.io/schemas/compose_spec.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree);
        Set<ValidationMessage> errors = schema.validate(compose());
        assertEquals(Set.of(), errors);
        // and the schema does catch a mistake
        JsonNode broken = compose().deepCopy();
        ((ObjectNode) broken.path("services").path("kafka")).put("restart_policy", "always");
        assertFalse(schema.validate(broken).isEmpty(), "the schema accepted an unknown service key");
    }

    @Test
    void composeRunsTheWholeProductInOrder() throws Exception {
        JsonNode services = compose().path("services");
        assertEquals(new TreeSet<>(List.of("kafka", "kafka-topics", "postgres", "keycloak", "ingest-service",
                "ledger-service", "query-service", "sample-data", "prometheus", "grafana")), ManifestsTest.fieldNames(services));
        for (String service : Rendered.SERVICES) {
            JsonNode s = services.path(service);
            assertTrue(s.path("healthcheck").path("test").toString().contains("localhost:9000/q/health/ready"), service);
            assertEquals("service_healthy", s.path("depends_on").path("postgres").path("condition").asText(), service);
            assertEquals("service_completed_successfully",
                    s.path("depends_on").path("kafka-topics").path("condition").asText(), service);
            assertTrue(Files.isRegularFile(Rendered.ROOT.resolve(service + "/src/main/docker/Dockerfile.jvm")), service);
            assertTrue(s.path("build").path("dockerfile").asText().endsWith("src/main/docker/Dockerfile.jvm"), service);
        }
        assertEquals("service_healthy", services.path("sample-data").path("depends_on").path("ingest-service")
                .path("condition").asText());
    }

    @Test
    void kafkaIsReachableFromTheHostAndFromTheContainersAndKeepsItsData() throws Exception {
        JsonNode services = compose().path("services");
        JsonNode kafka = services.path("kafka");
        Map<String, String> env = environment(kafka);
        Map<String, String> listeners = listeners(env.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));

        // the host: a listener advertised as localhost:9092 whose port is published as 9092
        String hostListener = advertised.entrySet().stream().filter(e -> e.getValue().equals("localhost:9092"))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("nothing advertised as localhost:9092"));
        String hostPort = listeners.get(hostListener).substring(listeners.get(hostListener).lastIndexOf(':') + 1);
        List<String> published = toList(kafka.path("ports"));
        assertTrue(published.contains("9092:" + hostPort), "published " + published + ", host listener on " + hostPort);

        // the containers: another listener, advertised under the service name, which the services use
        String containerAddress = advertised.entrySet().stream().filter(e -> !e.getKey().equals(hostListener))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(containerAddress.startsWith("kafka:"), containerAddress);
        String containerPort = containerAddress.substring("kafka:".length());
        assertTrue(listeners.values().stream().anyMatch(l -> l.endsWith(":" + containerPort)), "no listener on " + containerPort);
        for (String service : Rendered.SERVICES) {
            assertEquals(containerAddress, environment(services.path(service)).get("KAFKA_BOOTSTRAP_SERVERS"), service);
        }
        assertTrue(services.path("kafka").path("healthcheck").path("test").toString().contains(containerAddress));
        assertTrue(services.path("kafka-topics").path("command").toString().contains("--bootstrap-server " + containerAddress));
        for (String listener : listeners.keySet()) {
            assertTrue(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").contains(listener + ":"), listener);
        }

        // the data: log.dirs inside the named volume's mount
        String logDirs = env.get("KAFKA_LOG_DIRS");
        assertTrue(logDirs != null && !logDirs.isBlank(), "KAFKA_LOG_DIRS is not set: topics die with the container");
        String mount = toList(kafka.path("volumes")).stream().filter(v -> v.startsWith("kafka-data:"))
                .map(v -> v.split(":")[1]).findFirst().orElseThrow(() -> new AssertionError("no kafka-data volume"));
        Arrays.stream(logDirs.split(",")).forEach(dir -> assertTrue(dir.equals(mount) || dir.startsWith(mount + "/"),
                dir + " is not under the volume mounted at " + mount));
        assertTrue(env.containsKey("CLUSTER_ID"), "a fixed CLUSTER_ID keeps the formatted volume and the broker in agreement");
        assertTrue(compose().path("volumes").has("kafka-data") && compose().path("volumes").has("postgres-data"));
    }

    @Test
    void composeCreatesTheTopicsDeployDeclaresWithTheirRetention() throws Exception {
        String command = compose().path("services").path("kafka-topics").path("command").get(0).asText();
        Map<String, String> created = new LinkedHashMap<>();
        command.lines().map(String::trim).filter(l -> l.startsWith("create restrictions."))
                .forEach(l -> created.put(l.split("\\s+")[1], l));
        assertEquals(new TreeSet<>(StrimziTest.TOPICS), new TreeSet<>(created.keySet()));
        assertTrue(created.get("restrictions.events.v1").contains("retention.ms=-1"));
        assertTrue(created.get("restrictions.checkpoints.v1").contains("retention.ms=-1"));
        assertTrue(created.get("restrictions.status.v1").contains("cleanup.policy=compact"));
    }

    @Test
    void eachServiceMigratesAsTheOwnerAndRunsAsTheRuntimeRoleTheInitScriptCreates() throws Exception {
        String init = Files.readString(Rendered.ROOT.resolve("deploy/compose/init-databases.sql"));
        Matcher m = Pattern.compile("CREATE ROLE (\\w+) LOGIN PASSWORD '(\\w+)'").matcher(init);
        Map<String, String> roles = new LinkedHashMap<>();
        while (m.find()) {
            roles.put(m.group(1), m.group(2));
        }
        JsonNode services = compose().path("services");
        for (String service : Rendered.SERVICES) {
            String db = service.substring(0, service.indexOf('-'));
            Map<String, String> env = environment(services.path(service));
            assertEquals("jdbc:postgresql://postgres:5432/" + db, env.get("QUARKUS_DATASOURCE_JDBC_URL"), service);
            assertEquals(db + "_app", env.get("QUARKUS_DATASOURCE_USERNAME"), service);
            assertEquals(db + "_owner", env.get("QUARKUS_FLYWAY_USERNAME"), service);
            assertEquals(roles.get(db + "_app"), env.get("QUARKUS_DATASOURCE_PASSWORD"), service);
            assertEquals(roles.get(db + "_owner"), env.get("QUARKUS_FLYWAY_PASSWORD"), service);
            assertTrue(init.contains("CREATE DATABASE " + db + " OWNER " + db + "_owner;"), db);
            assertTrue(init.contains("GRANT CONNECT ON DATABASE " + db + " TO " + db + "_app;"), db);
        }
    }

    @Test
    void theSampleLoaderSendsAnIdempotencyKeyPerFact() throws Exception {
        JsonNode loader = compose().path("services").path("sample-data");
        String command = loader.path("command").toString();
        assertTrue(command.contains("/load_sample_data.py"), command);
        assertTrue(toList(loader.path("volumes")).contains("./deploy/compose/load_sample_data.py:/load_sample_data.py:ro"));
        String script = Files.readString(Rendered.ROOT.resolve("deploy/compose/load_sample_data.py"));
        assertTrue(script.contains("\"Idempotency-Key\": idempotency_key(report)"), "the loader does not key each fact");
        assertTrue(Pattern.compile("def idempotency_key\\(report\\):[\\s\\S]*sha256").matcher(script).find(),
                "the key is not derived from the fact's content");
    }

    @Test
    void observabilityIsAnOptionalProfileScrapingTheManagementPortsWithTheDashboard() throws Exception {
        JsonNode services = compose().path("services");
        for (String optional : List.of("prometheus", "grafana")) {
            assertEquals(List.of("observability"), toList(services.path(optional).path("profiles")), optional);
        }
        Rendered.SERVICES.forEach(s -> assertFalse(services.path(s).has("profiles"), s));
        JsonNode prometheus = Rendered.YAML.readTree(Rendered.ROOT.resolve("deploy/compose/prometheus.yml").toFile());
        Map<String, String> jobs = new LinkedHashMap<>();
        prometheus.path("scrape_configs").forEach(j -> jobs.put(j.path("job_name").asText(),
                j.path("metrics_path").asText() + " " + j.path("static_configs").get(0).path("targets").get(0).asText()));
        assertEquals(Rendered.SERVICES.stream().collect(Collectors.toMap(s -> s, s -> "/q/metrics " + s + ":9000")), jobs);
        List<String> mounts = toList(services.path("grafana").path("volumes"));
        assertTrue(mounts.stream().anyMatch(v -> v.startsWith("./deploy/components/monitoring/restriction-ledger-dashboard.json:")),
                "the dashboard is not provisioned");
        mounts.stream().map(v -> v.split(":")[0]).filter(v -> v.startsWith("./"))
                .forEach(v -> assertTrue(Files.exists(Rendered.ROOT.resolve(v.substring(2))), v));
    }

    /** NAME://host:port,... as NAME -> host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String listener : value.split(",")) {
            String[] parts = listener.trim().split("://", 2);
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    private static List<String> toList(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Compose runs Keycloak with a realm that defines the three roles and one service-account client per role. */
    @Test
    void theServicesTrustAKeycloakRealmWithTheRolesAndAClientPerRole() throws Exception {
        JsonNode services = compose().path("services");
        assertTrue(services.path("keycloak").path("image").asText().matches("quay\\.io/keycloak/keycloak:\\d+\\.\\d+\\.\\d+"),
                "a pinned Keycloak image");
        for (String service : Rendered.SERVICES) {
            assertEquals("http://keycloak:8080/realms/restriction-ledger",
                    environment(services.path(service)).get("QUARKUS_OIDC_AUTH_SERVER_URL"), service);
        }
        JsonNode realm = JSON.readTree(Rendered.ROOT.resolve("deploy/compose/keycloak/restriction-ledger-realm.json").toFile());
        assertEquals("restriction-ledger", realm.path("realm").asText());
        Set<String> roles = StreamSupport.stream(realm.path("roles").path("realm").spliterator(), false)
                .map(r -> r.path("name").asText()).collect(Collectors.toSet());
        for (String role : List.of("reporter", "operator", "reader")) {
            assertTrue(roles.contains(role), role);
            String client = "rl-" + role;
            assertTrue(StreamSupport.stream(realm.path("clients").spliterator(), false).anyMatch(c ->
                    c.path("clientId").asText().equals(client) && c.path("serviceAccountsEnabled").asBoolean()), client);
            assertTrue(StreamSupport.stream(realm.path("users").spliterator(), false).anyMatch(u ->
                    u.path("serviceAccountClientId").asText().equals(client)
                            && u.path("realmRoles").toString().contains("\"" + role + "\"")), client + "'s role");
        }
        assertTrue(services.path("keycloak").path("volumes").toString().contains("restriction-ledger-realm.json"));
    }
}
