package org.restrictionledger.infra;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run-local.sh}: the whole product on one machine without Docker. Starts the real Kafka broker and embedded
 * PostgreSQL with their data under {@code .local-data/} (kept across runs), the three packaged services, loads the
 * sample data through the ingest API on first run, prints the URLs, and stops everything on Ctrl-C.
 * <p>
 * Environment: {@code INGEST_PORT} (8081), {@code LEDGER_PORT} (8082), {@code QUERY_PORT} (8083), their management
 * ports {@code INGEST_MANAGEMENT_PORT} (9001), {@code LEDGER_MANAGEMENT_PORT} (9002), {@code QUERY_MANAGEMENT_PORT}
 * (9003: the packaged default 9000 is for one service per host or pod), {@code KAFKA_PORT} (9092), {@code POSTGRES_PORT} (5433), {@code RL_DATA_DIR} (.local-data), {@code RL_SAMPLE_DATA}
 * (sample-data/ru-2026-messaging.json; {@code none} to load nothing).
 */
public final class LocalStack {

    private static final PrintStream OUT = System.out;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private LocalStack() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("rl.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(env("RL_DATA_DIR", ".local-data"));
        List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "local-stack-stop"));

        say("data in " + data);
        KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), port("KAFKA_PORT", 9092));
        started.add(broker);
        say("kafka      " + broker.bootstrapServers() + "   (log: " + broker.logFile() + ")");
        KafkaTopics.createAll(broker.bootstrapServers(), 6);

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), port("POSTGRES_PORT", 5433));
        started.add(postgres);
        PostgresServer server = postgres.server();
        say("postgresql " + server.adminJdbcUrl() + "   (user postgres, password postgres; each service migrates as "
                + "<service>_owner and runs as <service>_runtime)");

        // Bearer tokens: a signing key of this machine's own, kept with the data; the services trust its public half.
        SigningKey key = SigningKey.loadOrCreate(data.resolve("auth"));
        LocalTokens tokens = LocalTokens.of(key);

        List<ServiceProcess> services = new ArrayList<>();
        for (String[] svc : new String[][] {{"ingest", "8081", "9001"}, {"ledger", "8082", "9002"}, {"query", "8083", "9003"}}) {
            String name = svc[0];
            Path jar = root.resolve(name + "-service/target/quarkus-app/quarkus-run.jar");
            String prefix = String.format("%-7s| ", name);
            ServiceProcess process = ServiceProcess.start(name + "-service", jar,
                    port(name.toUpperCase() + "_PORT", Integer.parseInt(svc[1])),
                    port(name.toUpperCase() + "_MANAGEMENT_PORT", Integer.parseInt(svc[2])),
                    environment(broker.bootstrapServers(), server, name, key),
                    line -> OUT.println(prefix + line));
            started.add(process);
            services.add(process);
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
        }
        loadSampleData(root, data, services.get(0).baseUrl(), tokens.reporter());

        say("");
        say("Restriction Ledger is running. Ctrl-C stops it; the data stays in " + data);
        say("  ingest  " + services.get(0).baseUrl() + "/api/v1/reports");
        say("  ledger  " + services.get(1).baseUrl() + "/api/v1/streams/RU/whatsapp");
        say("  query   " + services.get(2).baseUrl() + "/api/v1/countries/RU/platforms");
        say("  management (health, metrics, OpenAPI): " + services.stream()
                .map(s -> s.name() + " " + s.managementUrl() + "/q/health").toList());
        say("");
        say("Tokens (LOCAL ONLY: signed by " + data.resolve("auth") + ", valid " + LocalTokens.LIFETIME.toDays()
                + " days, trusted by nothing but this run-local):");
        say("  reporter (submit reports, read own submissions):");
        say("    export RL_REPORTER_TOKEN=" + tokens.reporter());
        say("  operator (rebuild, re-drive, admin; everything a reporter may do):");
        say("    export RL_TOKEN=" + tokens.operator());
        say("  try:");
        say("    curl -s -XPOST " + services.get(0).baseUrl() + "/api/v1/reports -H \"Authorization: Bearer $RL_REPORTER_TOKEN\" "
                + "-H 'Content-Type: application/json' -d '{\"type\": \"restriction.lifted\", \"country\": \"Russia\", "
                + "\"platform\": \"YouTube\", \"measure\": \"THROTTLING\", \"effective\": \"2026-03-01\", "
                + "\"sources\": [{\"url\": \"https://example.org/news\"}]}'");
        say("    ./rl rebuild   (rl reads RL_TOKEN)");
        say("");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A service's configuration: its database is migrated by {@code <name>_owner} and used through
     * {@code <name>_runtime}, which may do only what the migrations grant it (as in production).
     */
    private static Map<String, String> environment(String kafka, PostgresServer server, String name, SigningKey key) {
        DatabaseRoles roles = new DatabaseRoles(name + "_owner", name + "-owner-local", name + "_runtime", name + "-runtime-local");
        Map<String, String> env = new java.util.HashMap<>(roles.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", server.prepareDatabase(name, roles, false));
        env.put("RL_LOG_JSON", "false");
        env.put("QUARKUS_OIDC_PUBLIC_KEY", key.publicKeyBase64());
        return env;
    }

    private static void loadSampleData(Path root, Path data, String ingest, String token) {
        String name = env("RL_SAMPLE_DATA", "sample-data/ru-2026-messaging.json");
        if ("none".equals(name)) {
            return;
        }
        Path marker = data.resolve("sample-data.loaded");
        if (Files.exists(marker)) {
            say("sample data was loaded on an earlier run (" + marker + "); not loading it again");
            return;
        }
        say("loading sample data from " + name + " through " + ingest + "/api/v1/reports");
        SampleData.Loaded loaded = SampleData.load(root.resolve(name), ingest, token, LocalStack::say);
        say("sample data: " + loaded.accepted() + " accepted, " + loaded.rejected() + " rejected");
        try {
            Files.writeString(marker, name + "\n");
        } catch (java.io.IOException e) {
            say("could not write " + marker + ": " + e.getMessage());
        }
    }

    private static void stopAll(List<AutoCloseable> started) {
        say("stopping…");
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
            } catch (Exception e) {
                say("while stopping: " + e.getMessage());
            }
        }
        say("stopped");
    }

    private static int port(String env, int fallback) {
        return Integer.parseInt(env(env, Integer.toString(fallback)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        OUT.println("local  | " + line);
    }
}
