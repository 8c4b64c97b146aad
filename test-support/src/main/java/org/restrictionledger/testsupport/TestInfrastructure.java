package org.restrictionledger.testsupport;

import org.restrictionledger.infra.EmbeddedPostgresServer;
import org.restrictionledger.infra.KafkaBroker;
import org.restrictionledger.infra.KafkaTopics;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.infra.ScramUser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The real Kafka broker and PostgreSQL server that the tests of this JVM share, chosen once, in this order:
 * <ol>
 *   <li>explicit configuration: {@value #KAFKA_ENV} and {@value #POSTGRES_URL_ENV} (+ {@value #POSTGRES_USER_ENV},
 *       {@value #POSTGRES_PASSWORD_ENV}), as environment variables or as the same names in lower case with dots as
 *       system properties ({@code rl.test.kafka.bootstrap.servers}, …);</li>
 *   <li>Testcontainers, when a Docker engine answers ({@code apache/kafka}, {@code postgres});</li>
 *   <li>the real broker of local-infra as a separate process, and embedded PostgreSQL, on free loopback ports.</li>
 * </ol>
 * Whatever it starts stops when the JVM exits. It never falls back to a mock: when nothing works it fails and says
 * what to start.
 */
public final class TestInfrastructure {

    public static final String KAFKA_ENV = "RL_TEST_KAFKA_BOOTSTRAP_SERVERS";
    /** JDBC URL of a maintenance database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}. */
    public static final String POSTGRES_URL_ENV = "RL_TEST_POSTGRES_URL";
    public static final String POSTGRES_USER_ENV = "RL_TEST_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD_ENV = "RL_TEST_POSTGRES_PASSWORD";

    /** The user of the own broker's SASL_PLAINTEXT listener (SCRAM-SHA-512). */
    public static final ScramUser SCRAM_USER = new ScramUser("restrictionledger-test", "scram-test-secret");

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:16-alpine";

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class.getName());

    private static String kafka;
    private static KafkaBroker broker;
    private static PostgresServer postgres;
    private static Boolean docker;
    /** Closed in reverse order of registration by one shutdown hook: what uses the infrastructure goes first. */
    private static final java.util.Deque<AutoCloseable> CLOSE_AT_EXIT = new java.util.ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (TestInfrastructure.class) {
                while (!CLOSE_AT_EXIT.isEmpty()) {
                    try {
                        CLOSE_AT_EXIT.pop().close();
                    } catch (Exception e) {
                        LOG.warning("while stopping test infrastructure: " + e);
                    }
                }
            }
        }, "test-infrastructure-stop"));
    }

    private TestInfrastructure() {
    }

    /** Bootstrap servers of a broker on which the contract's topics exist. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = setting(KAFKA_ENV).orElseGet(TestInfrastructure::startKafka);
            KafkaTopics.createAll(kafka, 3);
        }
        return kafka;
    }

    /** A PostgreSQL server on which tests may create databases. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = setting(POSTGRES_URL_ENV)
                    .map(url -> new PostgresServer(url,
                            setting(POSTGRES_USER_ENV).orElse("postgres"),
                            setting(POSTGRES_PASSWORD_ENV).orElse("postgres")))
                    .orElseGet(TestInfrastructure::startPostgres);
        }
        return postgres;
    }

    /**
     * The broker this JVM started as a process, for tests that stop and restart it; empty when the broker came from
     * configuration or a container.
     */
    public static synchronized Optional<KafkaBroker> ownBroker() {
        kafkaBootstrapServers();
        return Optional.ofNullable(broker);
    }

    /**
     * The SASL_PLAINTEXT listener of the broker this JVM started, which takes only SCRAM-SHA-512 logins as
     * {@link #SCRAM_USER}: tests run services with the security settings a production broker asks for. Empty when
     * the broker came from configuration or a container.
     */
    public static synchronized Optional<String> kafkaSaslBootstrapServers() {
        return ownBroker().map(KafkaBroker::saslBootstrapServers);
    }

    /**
     * Stops {@code resource} when the JVM exits, before the broker and the database it uses (which were registered
     * first): services drain against a broker that is still there.
     */
    public static synchronized void closeAtExit(AutoCloseable resource) {
        CLOSE_AT_EXIT.push(resource);
    }

    private static String startKafka() {
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            closeAtExit(container::stop);
            LOG.info("tests use Kafka in a container: " + container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        try {
            Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kafka-");
            broker = KafkaBroker.start(dataDir, 0, SCRAM_USER);
        } catch (Exception e) {
            throw new IllegalStateException("Tests need a Kafka broker and none could be started (" + e.getMessage() + "). "
                    + "Set " + KAFKA_ENV + " to a running broker, start a Docker engine, or build local-infra "
                    + "(./mvnw -pl local-infra -am install) so the embedded broker can run.", e);
        }
        closeAtExit(broker);
        LOG.info("tests use the Kafka broker process at " + broker.bootstrapServers() + " (log: " + broker.logFile() + ")");
        return broker.bootstrapServers();
    }

    private static PostgresServer startPostgres() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
            closeAtExit(container::stop);
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0);
            closeAtExit(server);
            LOG.info("tests use embedded PostgreSQL at " + server.server().adminJdbcUrl());
            return server.server();
        } catch (Exception e) {
            throw new IllegalStateException("Tests need PostgreSQL and none could be started (" + e.getMessage() + "). "
                    + "Set " + POSTGRES_URL_ENV + " (and " + POSTGRES_USER_ENV + ", " + POSTGRES_PASSWORD_ENV + ") to a "
                    + "running server, e.g. the machine's: pg_ctlcluster 15 main start, or start a Docker engine.", e);
        }
    }

    /** Asks Docker only where an engine could be: without DOCKER_HOST or a socket there is none to ask. */
    private static boolean dockerAvailable() {
        if (docker == null) {
            boolean candidate = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
            docker = candidate && DockerClientFactory.instance().isDockerAvailable();
        }
        return docker;
    }

    private static Optional<String> setting(String env) {
        String property = System.getProperty(env.toLowerCase().replace('_', '.'));
        String value = property != null ? property : System.getenv(env);
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
