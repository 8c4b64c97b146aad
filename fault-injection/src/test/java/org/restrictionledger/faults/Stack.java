package org.restrictionledger.faults;

import org.restrictionledger.infra.EmbeddedPostgresServer;
import org.restrictionledger.infra.KafkaBroker;
import org.restrictionledger.infra.KafkaTopics;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.infra.ServiceProcess;
import org.restrictionledger.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The whole product on infrastructure this suite owns, because it breaks it: a Kafka broker process and an embedded
 * PostgreSQL cluster with durable commits (data under {@code target/faults/}), and the three packaged services.
 * Every piece can be killed or restarted on the same ports and data. Logs: {@code target/faults/*.log}.
 */
final class Stack implements AutoCloseable {

    enum Service {
        INGEST, LEDGER, QUERY;

        String module() {
            return name().toLowerCase() + "-service";
        }
    }

    static final Path ROOT = Path.of(System.getProperty("restrictionledger.root", "..")).toAbsolutePath().normalize();
    private static final Path DATA = ROOT.resolve("fault-injection/target/faults");
    static final Duration READY = Duration.ofSeconds(180);

    private final KafkaBroker broker;
    private final int postgresPort = KafkaBroker.freePort();
    private EmbeddedPostgresServer postgres;
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    /** Second instances, in the same consumer group and database as the first, while scaled out. */
    private final Map<Service, ServiceProcess> seconds = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private int launched;
    private final Map<Service, String> databases = new EnumMap<>(Service.class);

    Stack() {
        try {
            if (Files.exists(DATA)) {
                try (var files = Files.walk(DATA)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(DATA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.start(DATA.resolve("kafka"), KafkaBroker.freePort());
        KafkaTopics.createAll(broker.bootstrapServers(), 6);
        postgres = EmbeddedPostgresServer.start(DATA.resolve("postgres"), postgresPort);
        for (Service service : Service.values()) {
            ports.put(service, KafkaBroker.freePort());
            databases.put(service, postgres.server().recreateDatabase(service.name().toLowerCase()));
            processes.put(service, launch(service, ports.get(service)));
        }
        processes.values().forEach(p -> p.awaitReady(READY));
    }

    String url(Service service) {
        return processes.get(service).baseUrl();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** SIGKILL, then start it again; returns when it is ready. */
    void crash(Service service) {
        processes.get(service).kill();
        processes.put(service, launch(service, ports.get(service)));
        processes.get(service).awaitReady(READY);
    }

    /**
     * A second instance joins the first's consumer group and database: the group rebalances and partitions move to
     * it while the load goes on. Returns when it is ready.
     */
    void scaleOut(Service service) {
        ServiceProcess second = launch(service, KafkaBroker.freePort());
        seconds.put(service, second);
        second.awaitReady(READY);
    }

    /**
     * The first instance leaves (SIGTERM, as a rolling update stops a pod) and the second takes all its partitions;
     * from then on the second one is the service. Returns when the first has ended.
     */
    void scaleIn(Service service) {
        ServiceProcess first = processes.get(service);
        first.terminate();
        if (!first.awaitExit(Duration.ofSeconds(35))) {
            throw new IllegalStateException(service + " did not end within 35 s of SIGTERM");
        }
        ServiceProcess second = seconds.remove(service);
        processes.put(service, second);
        ports.put(service, java.net.URI.create(second.baseUrl()).getPort());
    }

    /** The broker stops (SIGTERM) and comes back on the same port and data after {@code down}. */
    void restartBroker(Duration down) {
        broker.close();
        pause(down);
        broker.startAgain();
    }

    /** PostgreSQL stops and comes back on the same port and data after {@code down}. */
    void restartPostgres(Duration down) {
        postgres.close();
        pause(down);
        postgres = EmbeddedPostgresServer.start(DATA.resolve("postgres"), postgresPort);
    }

    /**
     * Ctrl-C on {@code ./run-local.sh} signals every process at once, so the broker may be gone first: the broker
     * stops, then every service gets SIGTERM together.
     *
     * @return how long each service took to end (null: it did not end within {@code limit})
     */
    Map<Service, Duration> stopAllAtOnce(Duration limit) {
        broker.close();
        long start = System.nanoTime();
        processes.values().forEach(ServiceProcess::terminate);
        Map<Service, Duration> took = new EnumMap<>(Service.class);
        processes.forEach((service, process) -> took.put(service,
                process.awaitExit(limit.minusNanos(System.nanoTime() - start).isNegative() ? Duration.ZERO
                        : limit.minusNanos(System.nanoTime() - start))
                        ? Duration.ofNanos(System.nanoTime() - start) : null));
        return took;
    }

    @Override
    public void close() {
        seconds.values().parallelStream().forEach(ServiceProcess::close);
        processes.values().parallelStream().forEach(ServiceProcess::close);
        broker.close();
        postgres.close();
    }

    private ServiceProcess launch(Service service, int port) {
        PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres",
                "postgres", "postgres");
        Path log = DATA.resolve(service.module() + "-" + (++launched) + ".log");
        return ServiceProcess.start(service.module(),
                ROOT.resolve(service.module() + "/target/quarkus-app/quarkus-run.jar"), port,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "QUARKUS_DATASOURCE_JDBC_URL", databases.get(service),
                        "QUARKUS_DATASOURCE_USERNAME", server.username(),
                        "QUARKUS_DATASOURCE_PASSWORD", server.password(),
                        "RL_LOG_JSON", "false",
                        // Bearer tokens: the services trust the test key.
                        "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                        // The load comes from one address: the per-client rate limits would cut it.
                        "RL_RATE_LIMIT_ENABLED", "false"),
                line -> append(log, line));
    }

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
