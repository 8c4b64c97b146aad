package org.restrictionledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What one benchmark run does, from {@code --key=value} arguments over a preset ({@code --form=full}, the default, or
 * {@code --form=smoke}: tiny counts that keep the harness working in {@code ./mvnw verify}).
 *
 * @param rawRecords      records the raw kafka-clients producer sends and the raw consumer reads
 * @param recordBytes     size of a raw record's value
 * @param partitions      partitions of the product's topics and of the raw topic (the local stack uses 6)
 * @param pgRows          rows of the raw PostgreSQL batch insert
 * @param httpSeconds     measured seconds of each closed-loop HTTP load (after {@code warmupSeconds})
 * @param connections     concurrent connections of the HTTP loads
 * @param wideStreams     streams of the wide shape, one event each
 * @param deepStreams     streams of the deep shape
 * @param deepEvents      events per stream of the deep shape
 * @param batchSize       reports per NDJSON batch
 * @param freshnessRate   reports/s the freshness phase offers (lowered to half what the wide shape sustained, when that is less)
 * @param freshnessSeconds how long the freshness phase offers reports
 * @param quietRate       reports/s of a first freshness measurement far below saturation (issue #9 first measured
 *                        freshness at 10 reports/s): the path's own latency, beside the figure at the target rate
 * @param rebuildEvents   events on the topic before the rebuild is timed (filled up through the API)
 * @param budget          the longest any one phase may take; a phase that runs out reports what it reached
 * @param e2eWarmup       how long reports flow through the whole path, untimed, before anything end to end is timed:
 *                        on 2 cores the services' JIT compiles for minutes, and "sustained" means after that
 * @param instances       1, or 2: afterwards, a second ledger and query instance join and the end-to-end shapes run again
 * @param ingestUrl       a running stack's ingest-service (with ledgerUrl and queryUrl); empty: start a local stack
 * @param minimalUrl      a running minimal endpoint (benchmarks/minimal-endpoint); empty: start one when the stack is local
 * @param kafka           bootstrap servers of the stack's broker, for the raw baselines (given when targeting URLs)
 * @param postgresUrl     a maintenance database JDBC URL on the stack's PostgreSQL, for the raw baseline
 * @param output          where the results table goes
 * @param note            a sentence for the Notes of the results (e.g. what else ran on the machine)
 * @param sseConnections  live streams ({@code GET /api/v1/stream}) held open while polling is measured again
 * @param profile         the services started here record a JDK Flight Recorder profile, summarised in the results
 */
public record Options(String form, int rawRecords, int recordBytes, int partitions, int pgRows, int httpSeconds,
                      int warmupSeconds, int connections, int wideStreams, int deepStreams, int deepEvents,
                      int batchSize, int freshnessRate, int freshnessSeconds, int quietRate, long rebuildEvents, Duration budget,
                      Duration e2eWarmup,
                      int instances, String pollCountry, String ingestUrl, String ledgerUrl, String queryUrl,
                      String minimalUrl, String kafka, String postgresUrl, String postgresUser,
                      String postgresPassword, Path output, String note, int sseConnections, boolean profile) {

    /** The figures the issue sets as targets are for this rate. */
    public static final int TARGET_FRESHNESS_RATE = 1_000;

    public static Options parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --key=value, not '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String form = given.getOrDefault("form", "full");
        Map<String, String> v = new HashMap<>(switch (form) {
            case "smoke" -> Map.ofEntries(Map.entry("raw-records", "5000"), Map.entry("pg-rows", "2000"),
                    Map.entry("http-seconds", "2"), Map.entry("warmup-seconds", "1"),
                    Map.entry("wide-streams", "60"), Map.entry("deep-streams", "3"), Map.entry("deep-events", "10"),
                    Map.entry("batch-size", "20"), Map.entry("freshness-rate", "20"),
                    Map.entry("freshness-seconds", "2"), Map.entry("quiet-rate", "5"), Map.entry("rebuild-events", "200"),
                    Map.entry("budget", "PT3M"), Map.entry("e2e-warmup", "PT5S"), Map.entry("instances", "2"),
                    Map.entry("sse-connections", "50"),
                    Map.entry("output", "benchmarks/target/RESULTS-smoke.md"));
            case "full" -> Map.ofEntries(Map.entry("raw-records", "1000000"), Map.entry("pg-rows", "500000"),
                    Map.entry("http-seconds", "15"), Map.entry("warmup-seconds", "5"),
                    Map.entry("wide-streams", "20000"), Map.entry("deep-streams", "100"),
                    Map.entry("deep-events", "1000"), Map.entry("batch-size", "1000"),
                    Map.entry("freshness-rate", Integer.toString(TARGET_FRESHNESS_RATE)),
                    Map.entry("freshness-seconds", "30"), Map.entry("quiet-rate", "10"),
                    Map.entry("rebuild-events", "1000000"),
                    Map.entry("budget", "PT10M"), Map.entry("e2e-warmup", "PT3M"), Map.entry("instances", "2"),
                    Map.entry("sse-connections", "1000"),
                    Map.entry("output", "benchmarks/RESULTS.md"));
            default -> throw new IllegalArgumentException("--form is full or smoke, not " + form);
        });
        v.put("record-bytes", "600");
        v.put("partitions", "6");
        v.put("connections", "64");
        v.put("poll-country", "RU");
        v.put("postgres-user", "postgres");
        v.put("postgres-password", "postgres");
        v.put("profile", "true");
        given.forEach((key, value) -> {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + KNOWN);
            }
            v.put(key, value);
        });
        if (given.containsKey("ingest-url") && !given.containsKey("instances")) {
            v.put("instances", "1");
        }
        Options options = new Options(form, i(v, "raw-records"), i(v, "record-bytes"), i(v, "partitions"),
                i(v, "pg-rows"), i(v, "http-seconds"), i(v, "warmup-seconds"), i(v, "connections"),
                i(v, "wide-streams"), i(v, "deep-streams"), i(v, "deep-events"), i(v, "batch-size"),
                i(v, "freshness-rate"), i(v, "freshness-seconds"), i(v, "quiet-rate"), Long.parseLong(v.get("rebuild-events")),
                Duration.parse(v.get("budget")), Duration.parse(v.get("e2e-warmup")), i(v, "instances"), v.get("poll-country"),
                v.getOrDefault("ingest-url", ""), v.getOrDefault("ledger-url", ""), v.getOrDefault("query-url", ""),
                v.getOrDefault("minimal-url", ""), v.getOrDefault("kafka", ""), v.getOrDefault("postgres-url", ""),
                v.get("postgres-user"), v.get("postgres-password"), Path.of(v.get("output")),
                v.getOrDefault("note", ""), i(v, "sse-connections"), Boolean.parseBoolean(v.get("profile")));
        if (options.instances() < 1 || options.instances() > 2) {
            throw new IllegalArgumentException("--instances is 1 or 2");
        }
        if (options.targetsRunningStack() && (options.ledgerUrl().isEmpty() || options.queryUrl().isEmpty())) {
            throw new IllegalArgumentException("--ingest-url needs --ledger-url and --query-url too");
        }
        if (options.targetsRunningStack() && options.instances() == 2) {
            throw new IllegalArgumentException("--instances=2 starts instances itself: it needs the local stack");
        }
        return options;
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("form", "raw-records", "record-bytes",
            "partitions", "pg-rows", "http-seconds", "warmup-seconds", "connections", "wide-streams", "deep-streams",
            "deep-events", "batch-size", "freshness-rate", "freshness-seconds", "quiet-rate", "rebuild-events", "budget",
            "e2e-warmup",
            "instances", "poll-country", "ingest-url", "ledger-url", "query-url", "minimal-url", "kafka",
            "postgres-url", "postgres-user", "postgres-password", "output", "note", "sse-connections", "profile");

    private static int i(Map<String, String> values, String key) {
        return Integer.parseInt(values.get(key).replace("_", ""));
    }

    public boolean targetsRunningStack() {
        return !ingestUrl.isEmpty();
    }

    public boolean smoke() {
        return "smoke".equals(form);
    }
}
