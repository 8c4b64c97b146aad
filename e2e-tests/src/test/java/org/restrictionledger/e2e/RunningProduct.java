package org.restrictionledger.e2e;

import io.restassured.RestAssured;
import org.restrictionledger.infra.DatabaseRoles;
import org.restrictionledger.infra.KafkaBroker;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.infra.ServiceProcess;
import org.restrictionledger.testsupport.TestInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The three packaged services ({@code java -jar target/quarkus-app/quarkus-run.jar}) as separate processes against
 * one real broker and one real PostgreSQL, started once for all end-to-end tests of this JVM and stopped with it.
 * Their logs: {@code e2e-tests/target/e2e-logs/}.
 */
final class RunningProduct {

    enum Service {
        INGEST, LEDGER, QUERY;

        String module() {
            return name().toLowerCase() + "-service";
        }
    }

    static final Path ROOT = Path.of(System.getProperty("restrictionledger.root", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = ROOT.resolve("e2e-tests/target/e2e-logs");
    private static final Duration READY = Duration.ofSeconds(120);

    private static RunningProduct instance;

    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
    private final Map<Service, String> databases = new EnumMap<>(Service.class);

    static synchronized RunningProduct get() {
        if (instance == null) {
            instance = new RunningProduct();
            RunningProduct product = instance;
            TestInfrastructure.closeAtExit(() -> product.processes.values().parallelStream().forEach(ServiceProcess::close));
            // Every request of the suite carries a reporter's token unless it sets its own (an operator's for admin
            // actions, none at all in AuthIT): writes need one, reads take it as the public would not mind.
            RestAssured.authentication = RestAssured.oauth2(TestTokens.reporter());
        }
        return instance;
    }

    private RunningProduct() {
        try {
            Files.createDirectories(LOGS);
            for (Service service : Service.values()) {
                Files.deleteIfExists(log(service));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer postgres = TestInfrastructure.postgres();
        for (Service service : Service.values()) {
            ports.put(service, KafkaBroker.freePort());
            managementPorts.put(service, KafkaBroker.freePort());
            databases.put(service, postgres.prepareDatabase(database(service), roles(service), true));
            processes.put(service, launch(service));
        }
        processes.values().forEach(p -> p.awaitReady(READY));
    }

    /** The public port: the API. */
    String url(Service service) {
        return processes.get(service).baseUrl();
    }

    /** The management port: health, metrics, OpenAPI. */
    String managementUrl(Service service) {
        return processes.get(service).managementUrl();
    }

    /** SIGTERM (Quarkus stops gracefully: its consumers leave their groups), then start it again on the same port. */
    synchronized void restart(Service service, Runnable whileStopped) {
        processes.get(service).close();
        whileStopped.run();
        processes.put(service, launch(service));
        processes.get(service).awaitReady(READY);
    }

    private static String database(Service service) {
        return service.name().toLowerCase() + "_e2e";
    }

    /** The owner and runtime roles of the service's database ({@code ledger_e2e_owner}, {@code ledger_e2e_runtime}). */
    static DatabaseRoles roles(Service service) {
        return new DatabaseRoles(database(service) + "_owner", "e2e-owner-secret",
                database(service) + "_runtime", "e2e-runtime-secret");
    }

    /** True when the services reach Kafka through its SASL/SCRAM listener (the broker process of the tests). */
    boolean kafkaOverSasl() {
        return TestInfrastructure.kafkaSaslBootstrapServers().isPresent();
    }

    private ServiceProcess launch(Service service) {
        Path log = log(service);
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", databases.get(service),
                // Tracing on (as an operator turns it on), exporting to a collector that is not there:
                // TracingIT follows the trace ids in the services' logs instead.
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + KafkaBroker.freePort(),
                // Every test client comes from 127.0.0.1: production limits would cut the suite (EdgeSecurityTest
                // and RateLimitIT show the limits themselves).
                "RL_RATE_LIMIT_WRITE_CAPACITY", "1000000",
                "RL_RATE_LIMIT_EXPORT_CAPACITY", "1000000",
                "RL_RATE_LIMIT_STREAM_CAPACITY", "1000000",
                "RL_RATE_LIMIT_STREAM_MAX_OPEN", "1000"));
        // Webhook retries in fractions of a second, and a claim that outlives a killed query service by seconds, not a
        // minute (WebhooksIT); the ingest and ledger services have no such keys and ignore them.
        env.putAll(Map.of(
                "QUERY_WEBHOOKS_RETRY_INITIAL_BACKOFF", "0.2s",
                "QUERY_WEBHOOKS_RETRY_MAX_BACKOFF", "1s",
                "QUERY_WEBHOOKS_REQUEST_TIMEOUT", "2s",
                "QUERY_WEBHOOKS_CLAIM_LEASE", "5s"));
        // The per-event log lines (DEBUG, with each record's trace) that TracingIT follows through the services.
        env.put("QUARKUS_LOG_CATEGORY__ORG_RESTRICTIONLEDGER_LEDGER_DOMAIN__LEVEL", "DEBUG");
        env.put("QUARKUS_LOG_CATEGORY__ORG_RESTRICTIONLEDGER_QUERY_PROJECTION__LEVEL", "DEBUG");
        // Bearer tokens: the services trust the test key, as they would an identity provider's.
        env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey());
        // Flyway as the owner role, the service as the runtime role (least privilege, as deployed).
        env.putAll(roles(service).environment());
        // Through the SASL/SCRAM listener when the tests run their own broker: every Kafka client of every service
        // (channels, health check, the query's admin and rebuild consumer) must log in as a secured broker demands.
        TestInfrastructure.kafkaSaslBootstrapServers().ifPresentOrElse(sasl -> {
            env.put("KAFKA_BOOTSTRAP_SERVERS", sasl);
            env.putAll(TestInfrastructure.SCRAM_USER.environment());
        }, () -> env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers()));
        return ServiceProcess.start(service.module(),
                ROOT.resolve(service.module() + "/target/quarkus-app/quarkus-run.jar"), ports.get(service),
                managementPorts.get(service), env, line -> append(log, line));
    }

    /** What the service has logged so far. */
    String logged(Service service) {
        try {
            return Files.readString(log(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path log(Service service) {
        return LOGS.resolve(service.module() + ".log");
    }

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
