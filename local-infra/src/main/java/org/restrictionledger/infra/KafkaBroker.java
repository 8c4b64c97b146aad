package org.restrictionledger.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker ({@code kafka_2.13}, the version of the services' kafka-clients), single-node KRaft on
 * 127.0.0.1, in a JVM of its own. Its class path is written at build time into {@code kafka-broker.classpath} next to
 * this class, so nothing of the broker ever joins a service's class path.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final int saslPort;
    private final ScramUser scramUser;
    private final Path logFile;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int saslPort, ScramUser scramUser, Path logFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.saslPort = saslPort;
        this.scramUser = scramUser;
        this.logFile = logFile;
    }

    /**
     * Starts a broker whose data lives in {@code dataDir} (formatted on first use, reused after) and waits until it
     * accepts connections.
     *
     * @param port the client port; 0 picks a free one
     */
    public static KafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * As {@link #start(Path, int)}, and with {@code scramUser} not null also a SASL_PLAINTEXT listener on a free port
     * that accepts only SCRAM-SHA-512 logins, with that user created: what a secured production broker asks of the
     * services' clients ({@link #saslBootstrapServers()}). The PLAINTEXT listener stays for the broker itself and for
     * tests that set up topics.
     */
    public static KafkaBroker start(Path dataDir, int port, ScramUser scramUser) {
        try {
            Files.createDirectories(dataDir);
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            int saslPort = scramUser == null ? 0 : freePort();
            Path logDir = dataDir.resolve("log");
            Path properties = dataDir.resolve("server.properties");
            Files.writeString(properties, serverProperties(clientPort, controllerPort, saslPort, logDir));
            Path log4j = dataDir.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J);
            Path logFile = dataDir.resolve("broker.log");

            if (!Files.exists(logDir.resolve("meta.properties"))) {
                String clusterId = run(dataDir, logFile, "kafka.tools.StorageTool", "random-uuid").strip();
                run(dataDir, logFile, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString());
            }
            KafkaBroker broker = new KafkaBroker(dataDir, clientPort, saslPort, scramUser, logFile);
            broker.launch();
            if (scramUser != null) {
                broker.createScramUser();
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + dataDir, e);
        }
    }

    /** Starts the broker process again after {@link #close()}: same data, same ports (a broker coming back). */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker again in " + dataDir, e);
        }
    }

    private void launch() throws IOException {
        process = java(dataDir, dataDir.resolve("log4j2.properties"), "kafka.Kafka",
                dataDir.resolve("server.properties").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        awaitPort();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL_PLAINTEXT (SCRAM-SHA-512) listener; only when started with a SCRAM user. */
    public String saslBootstrapServers() {
        if (scramUser == null) {
            throw new IllegalStateException("this broker was started without a SASL listener");
        }
        return "127.0.0.1:" + saslPort;
    }

    /** The user of the SASL listener, or null without one. */
    public ScramUser scramUser() {
        return scramUser;
    }

    /** SCRAM credentials live in the cluster's metadata: created once through the PLAINTEXT listener, kept after. */
    private void createScramUser() {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(scramUser.name(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), scramUser.password())))
                    .all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not create SCRAM user " + scramUser.name() + "; see " + logFile, e);
        }
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM, then SIGKILL after 30 s: a clean stop keeps the data directory consistent for the next start. */
    @Override
    public synchronized void close() {
        Processes.stop(process);
    }

    private void awaitPort() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IllegalStateException("the Kafka broker did not open port " + port + " within " + START_TIMEOUT + "; see " + logFile);
    }

    private static String serverProperties(int clientPort, int controllerPort, int saslPort, Path logDir) {
        String sasl = saslPort == 0 ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + sasl + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort + sasl,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                // The SASL listener takes SCRAM logins only; the users are kept in the cluster metadata.
                "sasl.enabled.mechanisms=" + ScramUser.MECHANISM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static final String LOG4J = String.join("\n",
            "rootLogger.level=WARN",
            "rootLogger.appenderRef.out.ref=out",
            "appender.out.type=Console",
            "appender.out.name=out",
            "appender.out.layout.type=PatternLayout",
            "appender.out.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
            "logger.kafka.name=kafka.server.KafkaRaftServer",
            "logger.kafka.level=INFO",
            "");

    private static String run(Path dataDir, Path logFile, String mainClass, String... args) throws IOException {
        Process process = java(dataDir, dataDir.resolve("log4j2.properties"), mainClass, args)
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try (InputStream out = process.getInputStream()) {
            String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(mainClass + " " + String.join(" ", args) + " failed; see " + logFile);
            }
            return stdout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + mainClass, e);
        }
    }

    private static ProcessBuilder java(Path dataDir, Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-Dkafka.logs.dir=" + dataDir,
                "-cp", brokerClassPath(),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dataDir.toFile());
    }

    private static String brokerClassPath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath is missing: build local-infra with Maven first (./mvnw -pl local-infra install)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on right now, on loopback. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
