package org.restrictionledger.bench;

import org.restrictionledger.infra.EmbeddedPostgresServer;
import org.restrictionledger.infra.KafkaBroker;
import org.restrictionledger.infra.KafkaTopics;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.infra.ServiceProcess;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The product under test: either started here the way {@code ./run-local.sh} starts it (the real broker and
 * embedded PostgreSQL with durable commits, the three packaged services with the launcher's JVM flags), or a running
 * stack given by URLs. Also the minimal endpoint the polling figures are divided by.
 */
final class Stack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /**
     * The services (and the minimal endpoint) run as in a small container, not as in the tests: the full JIT (the
     * tests' C1-only start is quick but slow when hot), the serial collector a container with one CPU gets, a 256 MiB
     * heap (below the 384 MiB the deployment gives; the ledger's stream cache alone may hold 100,000 events, ~120 MiB),
     * and compact object headers (Java 25).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
            "-XX:+UseCompactObjectHeaders", "-XX:+ExitOnOutOfMemoryError");
    /** glibc gives each thread that allocates its own arena; two keep a JVM's native memory to what it uses. */
    static final Map<String, String> PROCESS_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    private final Path root;
    private final Path logs;
    private final String kafka;
    private final PostgresServer postgres;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, String> management = new LinkedHashMap<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    /** The last line each started instance logged: what an instance that died said last. */
    private final Map<String, String> lastLines = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Services started here record a Flight Recorder profile into {@code logs/<instance>.jfr}. */
    private boolean profile;

    private Stack(Path root, String kafka, PostgresServer postgres) {
        this.root = root;
        this.logs = root.resolve("benchmarks/target/bench-logs");
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts broker, PostgreSQL, ingest, ledger, query and the minimal endpoint, each service alone, timed. */
    static Stack launch(Options options, Path root, String runId, Consumer<String> log) {
        Path data = root.resolve("benchmarks/target/bench-data/" + runId);
        KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), 0);
        EmbeddedPostgresServer embedded;
        try {
            embedded = EmbeddedPostgresServer.start(data.resolve("postgres"), 0);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        Stack stack = new Stack(root, broker.bootstrapServers(), embedded.server());
        stack.profile = options.profile();
        // Closed last: the run's broker and database data are throw-away (a full run leaves gigabytes); logs stay.
        stack.started.add(() -> deleteTree(data));
        stack.started.add(broker);
        stack.started.add(embedded);
        try {
            KafkaTopics.createAll(broker.bootstrapServers(), options.partitions());
            log.accept("kafka " + broker.bootstrapServers() + ", postgresql " + embedded.server().adminJdbcUrl()
                    + ", data in " + data);
            // The logs and recordings of the run before go: an instance's log is appended to within a run (it may
            // start twice), and one from another run, of an instance this run never started, would mislead.
            Files.createDirectories(stack.logs);
            try (Stream<Path> stale = Files.list(stack.logs)) {
                for (Path file : stale.filter(f -> f.toString().matches(".*\\.(jfr|log)")).toList()) {
                    Files.delete(file);
                }
            }
            for (String service : List.of("ingest", "ledger", "query")) {
                stack.startService(service, service);
                log.accept(service + " ready in " + stack.startTimes.get(service).toMillis() + " ms at " + stack.urls.get(service));
            }
            stack.startMinimal(log);
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** A running stack by its URLs; the minimal endpoint is started here unless its URL is given too. */
    static Stack target(Options options, Path root, Consumer<String> log) {
        PostgresServer postgres = options.postgresUrl().isEmpty() ? null
                : new PostgresServer(options.postgresUrl(), options.postgresUser(), options.postgresPassword());
        Stack stack = new Stack(root, options.kafka().isEmpty() ? null : options.kafka(), postgres);
        stack.urls.put("ingest", options.ingestUrl());
        stack.urls.put("ledger", options.ledgerUrl());
        stack.urls.put("query", options.queryUrl());
        for (String service : List.of("ingest", "ledger", "query")) {
            awaitHttp(stack.urls.get(service) + Endpoints.READY, Duration.ofSeconds(10), service);
            OptionalLong pid = PortOwner.of(stack.urls.get(service));
            pid.ifPresent(p -> stack.pids.put(service, p));
            log.accept(service + " at " + stack.urls.get(service) + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : " (pid unknown: no RSS)"));
        }
        try {
            if (options.minimalUrl().isEmpty()) {
                Files.createDirectories(stack.logs);
                stack.startMinimal(log);
            } else {
                stack.urls.put("minimal", options.minimalUrl());
                PortOwner.of(options.minimalUrl()).ifPresent(p -> stack.pids.put("minimal", p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stack;
    }

    /** Item 4: a second ledger and a second query instance on the same databases and consumer groups. */
    void scaleOut(Consumer<String> log) {
        for (String service : List.of("ledger", "query")) {
            startService(service, service + "-2");
            log.accept(service + "-2 ready in " + startTimes.get(service + "-2").toMillis() + " ms at " + urls.get(service + "-2"));
        }
    }

    private void startService(String service, String instance) {
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        Path log = logs.resolve(instance + ".log");
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka,
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(service),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "RL_LOG_JSON", "false",
                "QUARKUS_OIDC_PUBLIC_KEY", BenchToken.KEY.publicKeyBase64(),
                // The load comes from one address: the per-client rate limits would cut it.
                "RL_RATE_LIMIT_ENABLED", "false"));
        env.putAll(PROCESS_ENV);
        if (profile) {
            Path recording = logs.resolve(instance + ".jfr");
            try {
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            env.put("JAVA_TOOL_OPTIONS", Profiles.recordingOption(recording) + " " + NativeMemory.OPTION);
        }
        Instant launched = Instant.now();
        ServiceProcess process = ServiceProcess.start(instance, jar, KafkaBroker.freePort(), KafkaBroker.freePort(),
                JVM_OPTIONS, env, logFile(instance, log));
        started.add(process);
        process.awaitReady(READY_TIMEOUT);
        startTimes.put(instance, Duration.between(launched, Instant.now()));
        urls.put(instance, process.baseUrl());
        management.put(instance, process.managementUrl());
        pids.put(instance, process.pid());
    }

    private void startMinimal(Consumer<String> log) {
        Path jar = root.resolve("benchmarks/minimal-endpoint/target/quarkus-app/quarkus-run.jar");
        Path file = logs.resolve("minimal-endpoint.log");
        Instant launched = Instant.now();
        Map<String, String> env = new HashMap<>(PROCESS_ENV);
        if (profile) {
            env.put("JAVA_TOOL_OPTIONS", NativeMemory.OPTION); // its memory is the floor the services' is compared with
        }
        ServiceProcess process = ServiceProcess.start("minimal-endpoint", jar, KafkaBroker.freePort(),
                KafkaBroker.freePort(), JVM_OPTIONS, env, logFile("minimal", file));
        started.add(process);
        awaitHttp(process.baseUrl() + Endpoints.MINIMAL_TEXT, READY_TIMEOUT, "minimal-endpoint");
        startTimes.put("minimal", Duration.between(launched, Instant.now()));
        urls.put("minimal", process.baseUrl());
        pids.put("minimal", process.pid());
        log.accept("minimal endpoint ready in " + startTimes.get("minimal").toMillis() + " ms at " + process.baseUrl());
    }

    String url(String instance) {
        return urls.get(instance);
    }

    /** The management interface (health, metrics) of an instance started here. */
    java.util.Optional<String> managementUrl(String instance) {
        return java.util.Optional.ofNullable(management.get(instance));
    }

    boolean has(String instance) {
        return urls.containsKey(instance);
    }

    /** The broker's bootstrap servers; null when a running stack was given without {@code --kafka}. */
    String kafka() {
        return kafka;
    }

    /** The stack's PostgreSQL; null when a running stack was given without {@code --postgres-url}. */
    PostgresServer postgres() {
        return postgres;
    }

    /** Service instances whose process is known (ingest, ledger, query, ledger-2, query-2; minimal), by pid. */
    Map<String, Long> pids() {
        return Map.copyOf(pids);
    }

    /**
     * The instances started here whose process has ended while the run went on (they are only stopped at its end), each
     * with the last line it logged: a figure measured against one of them afterwards is not a figure of the product.
     */
    List<String> exited() {
        List<String> exited = new ArrayList<>();
        startTimes.keySet().forEach(instance -> {
            Long pid = pids.get(instance);
            if (pid != null && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                exited.add(instance + " exited during the run; its last log line: "
                        + lastLines.getOrDefault(instance, "(none)").strip());
            }
        });
        return exited;
    }

    /** Launch → ready per instance started here. */
    Map<String, Duration> startTimes() {
        return Collections.unmodifiableMap(startTimes);
    }

    Path logs() {
        return logs;
    }

    /** Stops what was started here, last first; once, whether from the run's end or from Ctrl-C. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void awaitHttp(String url, Duration timeout, String what) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                // Any answer short of a server error: the service is up (a 404 for an unknown path included).
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
            Pause.millis(100);
        }
        throw new IllegalStateException(what + " did not answer at " + url + " within " + timeout);
    }

    /** A service's output into its log file, buffered: the services log per event and the harness shares the CPU. */
    private Consumer<String> logFile(String instance, Path log) {
        try {
            BufferedWriter writer = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            started.add(() -> {
                synchronized (writer) {
                    writer.close();
                }
            });
            return line -> {
                lastLines.put(instance, line);
                synchronized (writer) {
                    try {
                        writer.write(line);
                        writer.newLine();
                    } catch (IOException closed) {
                        // the stack is stopping
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
