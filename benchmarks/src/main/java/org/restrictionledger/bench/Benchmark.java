package org.restrictionledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.json.Json;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.restrictionledger.bench.ResultsTable.millis;
import static org.restrictionledger.bench.ResultsTable.rate;

/**
 * Issue #9's benchmark: raw baselines, end-to-end throughput (wide and deep), freshness, polling, rebuild, memory and
 * start times, all in one run against one broker and one database, through the public HTTP API; optionally again
 * with two ledger and two query instances. Prints one table and writes it to {@code benchmarks/RESULTS.md}
 * (the smoke form to {@code benchmarks/target/RESULTS-smoke.md}). Options: {@link Options}.
 */
public final class Benchmark {

    private static final PrintStream OUT = System.out;

    /** What a run produced: every figure by name (for the smoke test), and the file it wrote. */
    public record Report(Map<String, Double> figures, Path written, String markdown) {
    }

    private final Options options;
    private final Path root;
    private final String run;
    private final Api api = new Api();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> cpuByPhase = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private ResourceMonitor monitor;
    /** Each JVM's memory by category, read after the load (when it was started with NMT). */
    private final Map<String, NativeMemory.Breakdown> memory = new java.util.LinkedHashMap<>();
    private final Map<String, Long> peakRss = new java.util.HashMap<>();

    private Benchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.run = "b" + Long.toString(System.currentTimeMillis() / 1000, 36);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("rl.root", ".")).toAbsolutePath().normalize();
        Report report = run(Options.parse(args), root);
        OUT.println();
        OUT.println(report.markdown());
        OUT.println("written to " + report.written());
        System.exit(0);
    }

    public static Report run(Options options, Path root) throws Exception {
        return new Benchmark(options, root).run();
    }

    private Report run() throws Exception {
        MachineInfo machine = MachineInfo.capture(root);
        Instant started = Instant.now();
        String loadBefore = MachineInfo.loadAverage();
        double busyBefore = MachineInfo.busyPercent(3_000);
        say("run " + run + " (" + options.form() + "), machine " + String.format(Locale.ROOT, "%.0f", busyBefore)
                + "% busy before, load average " + loadBefore);
        List<Row> rows = new ArrayList<>();
        try (Stack stack = options.targetsRunningStack() ? Stack.target(options, root, this::say)
                : Stack.launch(options, root, run, this::say)) {
            // Ctrl-C (or SIGTERM) stops the services, the broker and PostgreSQL too.
            Thread stopper = new Thread(stack::close, "bench-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            Map<String, Long> infra = infrastructurePids(stack);
            monitor = new ResourceMonitor(() -> {
                Map<String, Long> all = new LinkedHashMap<>(stack.pids());
                all.putAll(infra);
                return all;
            });
            try {
                measure(stack, rows);
            } finally {
                stack.exited().forEach(exited -> {
                    say(exited);
                    notes.add(0, "**" + exited + "** (the figures measured against it after that are not the product's).");
                });
                monitor.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException stopping) {
                    // the JVM is already stopping: the hook closes the stack
                }
            }
        }
        Instant finished = Instant.now();
        if (!options.note().isBlank()) {
            notes.add(0, options.note());
        }
        notes.add("Every phase had a budget of " + options.budget() + "; a figure marked \"budget ran out\" is the rate "
                + "reached in it, not the full count.");
        if (!options.targetsRunningStack()) {
            notes.add("The services and the minimal endpoint ran with `" + String.join(" ", Stack.JVM_OPTIONS) + "` and "
                    + Stack.PROCESS_ENV.entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                    .collect(Collectors.joining(", ")) + ".");
        }
        String markdown = ResultsTable.render(options, machine, started, finished, loadBefore, busyBefore,
                MachineInfo.loadAverage(), rows, cpuByPhase, notes);
        markdown += NativeMemory.markdown(memory, peakRss);
        if (options.profile() && !options.targetsRunningStack()) {
            // The services are stopped now, so each has written its recording.
            markdown += Profiles.markdown(root.resolve("benchmarks/target/bench-logs"));
        }
        Path output = root.resolve(options.output());
        Files.createDirectories(output.getParent());
        Files.writeString(output, markdown);
        return new Report(Map.copyOf(figures), output, markdown);
    }

    private void measure(Stack stack, List<Row> rows) throws Exception {
        String ingest = stack.url("ingest");
        String query = stack.url("query");

        // Raw baselines: the broker, the database, the HTTP stack.
        double producer = Double.NaN;
        double consumer = Double.NaN;
        if (stack.kafka() != null) {
            RawKafka.Rates kafka = phase("raw kafka", false, () -> RawKafka.measure(stack.kafka(),
                    RawKafka.topicName(run), options.partitions(), options.rawRecords(), options.recordBytes()));
            producer = put("raw.producer", kafka.producedPerSecond());
            consumer = put("raw.consumer", kafka.consumedPerSecond());
            say("raw kafka: produced " + rate(producer) + " records/s, consumed " + rate(consumer) + " records/s");
        }
        double pg = Double.NaN;
        if (stack.postgres() != null) {
            pg = put("raw.postgres", phase("raw postgresql", false, () -> RawPostgres.rowsPerSecond(stack.postgres(),
                    "bench_raw_" + run, options.pgRows(), options.recordBytes())));
            say("raw postgresql: " + rate(pg) + " rows/s");
        }
        // A fresh JVM's first load also pays for its HTTP stack's JIT: warm both paths before timing either.
        for (String path : List.of(Endpoints.MINIMAL_TEXT, Endpoints.MINIMAL_JSON)) {
            HttpLoad.run(stack.url("minimal") + path, Map.of(), 200, options.connections(), 0, options.warmupSeconds());
        }
        HttpLoad.Outcome text = phase("minimal endpoint", false, () -> load(stack.url("minimal") + Endpoints.MINIMAL_TEXT, Map.of(), 200));
        HttpLoad.Outcome list = phase("minimal endpoint", false, () -> load(stack.url("minimal") + Endpoints.MINIMAL_JSON, Map.of(), 200));
        put("minimal.text", text.requestsPerSecond());
        put("minimal.json", list.requestsPerSecond());

        // End to end. The services' JIT warms up first, as the minimal endpoint's did, but for longer: on 2 cores the
        // compilers of three services keep busy for minutes, and a production service has run for longer than that.
        phase("end to end, warm-up", true,
                () -> warmUp(ingest, query, options.e2eWarmup(), "w", "anything end to end was timed (`--e2e-warmup`)"));
        monitor.loaded(true);
        Shape wideShape = new Shape(run, "w", options.wideStreams(), 1);
        Shape deepShape = new Shape(run, "d", options.deepStreams(), options.deepEvents());
        EndToEnd.Outcome wide = phase("end to end, wide", true, () -> endToEnd(ingest, query, wideShape));
        EndToEnd.Outcome deep = phase("end to end, deep", true, () -> endToEnd(ingest, query, deepShape));
        put("e2e.wide", wide.eventsPerSecond());
        put("e2e.deep", deep.eventsPerSecond());
        put("e2e.wide.complete", wide.complete() ? 1 : 0);
        put("e2e.deep.complete", deep.complete() ? 1 : 0);

        // First far from saturation (the rate issue #9 first measured freshness at): the path's own latency.
        Freshness.Outcome quiet = freshness(ingest, query, "freshness, quiet", "q", options.quietRate());
        put("fresh.quiet.p99", quiet.p99());
        // At the target rate when the product sustains it; else at half what the wide shape sustained, a rate it
        // should keep up with (at 80% the queue, and the minVersion requests waiting on it, dominated).
        Freshness.Outcome fresh = freshness(ingest, query, "freshness", "f",
                Math.max(1, Math.min(options.freshnessRate(), Math.floor(wide.eventsPerSecond() * 0.5))));
        put("fresh.p50", fresh.p50());
        put("fresh.p95", fresh.p95());
        put("fresh.p99", fresh.p99());

        String country = options.pollCountry();
        int items = seedPollCountry(ingest, query, country);
        String pollUrl = query + Endpoints.countryPlatforms(country);
        String etag = api.get(pollUrl, Map.of()).headers().firstValue("ETag").orElse("\"none\"");
        // Warmed like the minimal endpoint's paths were: one untimed load of each before either is timed.
        HttpLoad.run(pollUrl, Map.of(), 200, options.connections(), 0, options.warmupSeconds());
        HttpLoad.run(pollUrl, Map.of("If-None-Match", etag), 304, options.connections(), 0, options.warmupSeconds());
        HttpLoad.Outcome poll200 = phase("polling", true, () -> load(pollUrl, Map.of(), 200));
        HttpLoad.Outcome poll304 = phase("polling", true, () -> load(pollUrl, Map.of("If-None-Match", etag), 304));
        put("poll.200", poll200.requestsPerSecond());
        put("poll.304", poll304.requestsPerSecond());
        Row live = liveStreams(stack, query, pollUrl, poll200);

        phase("rebuild: topping the topic up", true, () -> {
            RebuildPhase.topUp(api, ingest, query, run, "r", options, this::say);
            return null;
        });
        RebuildPhase.Outcome rebuild = phase("rebuild", true, () -> RebuildPhase.rebuild(api, query, options, this::say));
        put("rebuild", rebuild.eventsPerSecond());
        monitor.loaded(false);
        Map<String, Long> rssSingle = monitor.peakRss();
        memory.putAll(NativeMemory.of(stack.pids()));

        // Item 4: the same with a second ledger and query instance.
        EndToEnd.Outcome wide2 = null;
        EndToEnd.Outcome deep2 = null;
        HttpLoad.Outcome poll2002 = null;
        if (options.instances() == 2) {
            stack.scaleOut(this::say);
            // The new instances' JIT is cold, as the first ones' was: a third of the first warm-up.
            phase("end to end, warm-up, 2+2 instances", true,
                    () -> warmUp(ingest, query, options.e2eWarmup().dividedBy(3), "u", "the 2+2 figures were timed"));
            monitor.loaded(true);
            wide2 = phase("end to end, wide, 2+2 instances", true,
                    () -> endToEnd(ingest, query, new Shape(run, "v", options.wideStreams(), 1)));
            deep2 = phase("end to end, deep, 2+2 instances", true,
                    () -> endToEnd(ingest, query, new Shape(run, "e", options.deepStreams(), options.deepEvents())));
            String pollUrl2 = stack.url("query-2") + Endpoints.countryPlatforms(country);
            poll2002 = phase("polling, 2 query instances", true, () -> loadSplit(pollUrl, pollUrl2));
            monitor.loaded(false);
            put("e2e.wide.2", wide2.eventsPerSecond());
            put("e2e.deep.2", deep2.eventsPerSecond());
            put("e2e.wide.2.complete", wide2.complete() ? 1 : 0);
            put("e2e.deep.2.complete", deep2.complete() ? 1 : 0);
            put("poll.200.2", poll2002.requestsPerSecond());
        }
        Map<String, Long> rss = monitor.peakRss();
        if (options.instances() == 2) {
            Map<String, Long> seconds = new java.util.LinkedHashMap<>(stack.pids());
            seconds.keySet().retainAll(List.of("ledger-2", "query-2"));
            memory.putAll(NativeMemory.of(seconds));
        }
        peakRss.putAll(rss);

        rows.addAll(ResultRows.of(options, new Measurements(producer, consumer, pg, text, list, wide, deep, quiet, fresh,
                country, items, poll200, poll304, rebuild, wide2, deep2, poll2002, rss, rssSingle, stack.startTimes())));
        rows.add(live);
        stack.startTimes().forEach((instance, took) -> put("start." + instance, took.toMillis()));
        rss.forEach((instance, peak) -> put("rss." + instance, peak));
    }

    /**
     * Issue #14: many live screens at once. Streams opened as EventSource opens them, held open while the polling
     * load runs again: the query service's threads, its change-log reads (one poller per instance, not one per
     * stream) and how fast ordinary GETs stay, beside the same load with none open.
     */
    private Row liveStreams(Stack stack, String query, String pollUrl, HttpLoad.Outcome without) throws Exception {
        int count = options.sseConnections();
        Long pid = stack.pids().get("query");
        String threadsBefore = pid == null ? "?" : ProcessStats.threads(pid).stream().mapToObj(Long::toString)
                .findFirst().orElse("?");
        String management = stack.managementUrl("query").orElse(null);
        say("live streams: opening " + count + " with no resume header");
        try (LiveStreams streams = phase("live streams", true,
                () -> LiveStreams.open(query + "/api/v1/stream", count, Duration.ofSeconds(60)))) {
            String threadsOpen = pid == null ? "?" : ProcessStats.threads(pid).stream().mapToObj(Long::toString)
                    .findFirst().orElse("?");
            OptionalDouble readsBefore = management == null ? OptionalDouble.empty()
                    : LiveStreams.counter(api, management, "query_stream_change_log_reads_total");
            long start = System.nanoTime();
            HttpLoad.Outcome with = phase("live streams", true, () -> load(pollUrl, Map.of(), 200));
            double seconds = (System.nanoTime() - start) / 1e9;
            OptionalDouble readsAfter = management == null ? OptionalDouble.empty()
                    : LiveStreams.counter(api, management, "query_stream_change_log_reads_total");
            put("live.open", streams.open());
            put("live.poll.200", with.requestsPerSecond());
            String reads = readsBefore.isPresent() && readsAfter.isPresent()
                    ? String.format(Locale.ROOT, "%,.0f change-log reads in %.0f s (%.1f/s) for all of them",
                    readsAfter.getAsDouble() - readsBefore.getAsDouble(), seconds,
                    (readsAfter.getAsDouble() - readsBefore.getAsDouble()) / seconds)
                    : "change-log reads not measured (no metrics)";
            say("live streams: " + streams.open() + " open, " + streams.failed() + " failed; " + reads);
            return new Row("open live streams (`GET /api/v1/stream`, no resume header), polling 200 meanwhile",
                    streams.open() + " of " + count + " open; " + rate(with.requestsPerSecond()) + " req/s (p99 "
                            + millis(with.p99Millis()) + ")",
                    rate(without.requestsPerSecond()) + " req/s (p99 " + millis(without.p99Millis())
                            + ") with none open", "", null, "",
                    "query-service threads " + threadsBefore + " before, " + threadsOpen + " with them open; " + reads
                            + (streams.failed() > 0 ? "; " + streams.failed() + " did not open" : ""));
        }
    }

    /**
     * Untimed rounds through the whole path until {@code duration} has passed (the last may end after it), taking
     * each path the timed phases take in turn: the wide shape (new streams), the deep one (a stream's next events),
     * single reports each read back with {@code minVersion} (the freshness phases); at least one of each. The rounds'
     * rates go into the notes, after "Before {@code before}": how far a cold stack is from a warm one.
     */
    private Void warmUp(String ingest, String query, Duration duration, String prefix, String before)
            throws Exception {
        int wide = Math.max(1, Math.min(3_000, options.wideStreams() / 4));
        int deepStreams = Math.max(1, Math.min(options.deepStreams(), 30));
        int deepEvents = Math.max(1, Math.min(options.deepEvents(), 50));
        int singlesPerSecond = Math.max(1, Math.min(100, options.freshnessRate()));
        int singleSeconds = Math.max(1, Math.min(5, options.freshnessSeconds()));
        long end = System.nanoTime() + duration.toNanos();
        List<String> rates = new ArrayList<>();
        int round = 0;
        while (round < 3 || System.nanoTime() < end) {
            String tag = prefix + letters(round);
            rates.add(switch (round % 3) {
                case 0 -> rate(endToEnd(ingest, query, new Shape(run, "x" + tag, wide, 1)).eventsPerSecond());
                case 1 -> rate(endToEnd(ingest, query, new Shape(run, "y" + tag, deepStreams, deepEvents))
                        .eventsPerSecond());
                default -> "p99 " + millis(Freshness.run(ingest, query,
                        new Shape(run, "z" + tag, singlesPerSecond * singleSeconds, 1), singlesPerSecond, singleSeconds)
                        .p99());
            });
            round++;
        }
        notes.add("Before " + before + ", " + round + " untimed rounds (" + duration + ") took the wide "
                + "shape, the deep shape and " + singlesPerSecond + " single reports/s for " + singleSeconds
                + " s in turn through the whole path; per round, events/s (p99 for the single reports): "
                + String.join(", ", rates) + ".");
        return null;
    }

    /** {@code n} in base 26 written with a–z: a shape's tag is letters, as digits would run into its group numbers. */
    static String letters(int n) {
        return Integer.toString(n, 26).chars()
                .mapToObj(c -> Character.toString(Character.isDigit(c) ? c - '0' + 'a' : c + 10))
                .collect(Collectors.joining());
    }

    private EndToEnd.Outcome endToEnd(String ingest, String query, Shape shape) throws Exception {
        say(shape.tag() + ": " + shape.streams() + " streams × " + shape.events() + " events");
        EndToEnd.Outcome outcome = EndToEnd.run(api, ingest, query, shape, options.budget(), options.batchSize(), this::say);
        say(shape.tag() + ": " + describe(outcome));
        return outcome;
    }

    private HttpLoad.Outcome load(String url, Map<String, String> headers, int status) throws InterruptedException {
        HttpLoad.Outcome outcome = HttpLoad.run(url, headers, status, options.connections(), options.warmupSeconds(),
                options.httpSeconds());
        say(url + " " + headers.keySet() + ": " + rate(outcome.requestsPerSecond()) + " req/s, p99 "
                + millis(outcome.p99Millis()) + errors(outcome));
        return outcome;
    }

    /** Half the connections on each query instance, at the same time; requests summed, the worse p99. */
    private HttpLoad.Outcome loadSplit(String first, String second) {
        int half = options.connections() / 2;
        CompletableFuture<HttpLoad.Outcome> a = CompletableFuture.supplyAsync(() -> loadQuietly(first, half));
        CompletableFuture<HttpLoad.Outcome> b = CompletableFuture.supplyAsync(() -> loadQuietly(second, half));
        HttpLoad.Outcome x = a.join();
        HttpLoad.Outcome y = b.join();
        say(first + ": " + rate(x.requestsPerSecond()) + " req/s, p99 " + millis(x.p99Millis()) + errors(x) + "; "
                + second + ": " + rate(y.requestsPerSecond()) + " req/s, p99 " + millis(y.p99Millis()) + errors(y));
        return new HttpLoad.Outcome(x.requestsPerSecond() + y.requestsPerSecond(), Math.max(x.p50Millis(), y.p50Millis()),
                Math.max(x.p99Millis(), y.p99Millis()), x.unexpected() + y.unexpected());
    }

    private HttpLoad.Outcome loadQuietly(String url, int connections) {
        try {
            return HttpLoad.run(url, Map.of(), 200, connections, options.warmupSeconds(), options.httpSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Freshness at {@code rate} reports/s for {@code --freshness-seconds}, on new streams of tag {@code tag}. */
    private Freshness.Outcome freshness(String ingest, String query, String phase, String tag, double rate)
            throws Exception {
        Shape shape = new Shape(run, tag, (int) Math.max(1, rate * options.freshnessSeconds()), 1);
        say(phase + ": offering " + rate(rate) + " reports/s for " + options.freshnessSeconds() + " s");
        Freshness.Outcome outcome = phase(phase, true,
                () -> Freshness.run(ingest, query, shape, rate, options.freshnessSeconds()));
        say(phase + ": p50 " + millis(outcome.p50()) + ", p95 " + millis(outcome.p95()) + ", p99 "
                + millis(outcome.p99()) + ", " + outcome.lost() + " not visible");
        return outcome;
    }

    /** Seven platforms in the polled country (the sample data's size), visible before the load starts. */
    private int seedPollCountry(String ingest, String query, String country) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            batch.append(Shape.imposed(country, run + "-poll" + i, i)).append('\n');
        }
        api.postBatch(ingest, batch.toString());
        for (int i = 0; i < 7; i++) {
            String url = query + Endpoints.platformInCountry(country, run + "-poll" + i, 1);
            long deadline = System.nanoTime() + options.budget().toNanos();
            while (api.get(url, Map.of()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the polling seed did not become visible at " + url);
                }
            }
        }
        HttpResponse<String> listing = api.get(query + Endpoints.countryPlatforms(country), Map.of());
        JsonNode platforms = Json.tree(listing.body()).path("platforms");
        return platforms.size();
    }

    /** Runs a phase, recording the CPU each process spent in it. */
    private <T> T phase(String name, boolean underLoad, Callable<T> work) throws Exception {
        Map<String, Long> before = monitor.cpu();
        long start = System.nanoTime();
        say("phase: " + name);
        T result = work.call();
        double wallMillis = (System.nanoTime() - start) / 1e6;
        Map<String, Long> after = monitor.cpu();
        Map<String, Double> share = cpuByPhase.computeIfAbsent(name, n -> new LinkedHashMap<>());
        after.forEach((process, millis) -> {
            Long was = before.get(process);
            if (was != null) {
                // Phases of the same name (two loads of one endpoint) are averaged.
                // PostgreSQL backends that end during a phase take their CPU time with them: never below 0.
                double percent = Math.max(0, 100.0 * (millis - was) / wallMillis);
                share.merge(process, percent, (x, y) -> (x + y) / 2);
            }
        });
        return result;
    }

    private Map<String, Long> infrastructurePids(Stack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (stack.kafka() != null) {
            PortOwner.of("http://" + stack.kafka()).ifPresent(pid -> pids.put("kafka", pid));
        }
        if (stack.postgres() != null) {
            String url = stack.postgres().adminJdbcUrl().replace("jdbc:postgresql://", "http://");
            PortOwner.of(url).ifPresent(pid -> pids.put("postgres", pid));
        }
        return pids;
    }

    private double put(String figure, double value) {
        figures.put(figure, value);
        return value;
    }

    static String describe(EndToEnd.Outcome o) {
        return String.format(Locale.ROOT, "%,d events in %.1f s%s; the batch endpoint answered at %s reports/s while posted to", o.events(),
                o.seconds(), o.complete() ? "" : " (**budget ran out**: the rate reached, not the full count)",
                rate(o.ingestPerSecond()));
    }

    static String errors(HttpLoad.Outcome o) {
        return o.unexpected() == 0 ? "" : "; " + o.unexpected() + " unexpected answers";
    }

    private void say(String line) {
        OUT.println("bench  | " + line);
    }
}
