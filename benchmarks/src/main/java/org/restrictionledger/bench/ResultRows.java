package org.restrictionledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.restrictionledger.bench.Benchmark.describe;
import static org.restrictionledger.bench.Benchmark.errors;
import static org.restrictionledger.bench.ResultsTable.mb;
import static org.restrictionledger.bench.ResultsTable.millis;
import static org.restrictionledger.bench.ResultsTable.rate;
import static org.restrictionledger.bench.ResultsTable.ratio;

/** The lines of the results table from one run's measurements, each beside its baseline and issue #9's target. */
final class ResultRows {

    /** Target figures of issue #9, item 2. */
    static final double TARGET_WIDE = 5_000;
    static final double TARGET_DEEP_RATIO = 0.8;
    static final double TARGET_P99_MS = 250;
    static final double TARGET_POLL_304 = 0.7;
    static final double TARGET_POLL_200 = 0.5;
    static final double TARGET_REBUILD = 30_000;
    static final long TARGET_RSS = 300L * 1024 * 1024;

    private ResultRows() {
    }

    static List<Row> of(Options options, Measurements m) {
        List<Row> rows = new ArrayList<>();
        double producer = m.producer();
        double consumer = m.consumer();
        double pg = m.postgres();
        HttpLoad.Outcome text = m.minimalText();
        HttpLoad.Outcome list = m.minimalList();
        EndToEnd.Outcome wide = m.wide();
        EndToEnd.Outcome deep = m.deep();
        EndToEnd.Outcome wide2 = m.wide2();
        EndToEnd.Outcome deep2 = m.deep2();
        Freshness.Outcome fresh = m.freshness();
        double freshRate = fresh.rate();
        String country = m.pollCountry();
        int items = m.pollItems();
        HttpLoad.Outcome poll200 = m.poll200();
        HttpLoad.Outcome poll304 = m.poll304();
        HttpLoad.Outcome poll2002 = m.poll200TwoInstances();
        RebuildPhase.Outcome rebuild = m.rebuild();
        Map<String, Long> rss = m.peakRss();
        Map<String, Long> rssSingle = m.peakRssSingle();
        rows.add(new Row("raw kafka-clients producer (acks=all, idempotent, " + options.partitions() + " partitions, "
                + options.recordBytes() + "-byte records)", rate(producer) + " records/s", "", "", null, "",
                String.format(Locale.ROOT, "%,d records after a warm-up", options.rawRecords())));
        rows.add(new Row("raw kafka-clients consumer", rate(consumer) + " records/s", "", "", null, "", ""));
        rows.add(new Row("raw PostgreSQL batched insert (jsonb, unique index, batches of 500)", rate(pg) + " rows/s", "",
                "", null, "", String.format(Locale.ROOT, "%,d rows, durable commits", options.pgRows())));
        rows.add(new Row("minimal Quarkus REST endpoint, plain text, " + options.connections() + " connections",
                rate(text.requestsPerSecond()) + " req/s (p99 " + millis(text.p99Millis()) + ")", "", "", null, "",
                "benchmarks/minimal-endpoint, launched like the services"));
        rows.add(new Row("minimal Quarkus REST endpoint, 7-item JSON list", rate(list.requestsPerSecond())
                + " req/s (p99 " + millis(list.p99Millis()) + ")", "", "", null, "", ""));
        rows.add(new Row("end to end, wide (" + String.format(Locale.ROOT, "%,d", options.wideStreams())
                + " streams × 1 event)", rate(wide.eventsPerSecond()) + " events/s", rate(producer) + " records/s (raw producer): "
                + ratio(wide.eventsPerSecond(), producer), "≥ 5,000 events/s", wide.eventsPerSecond() >= TARGET_WIDE,
                wide2 == null ? "" : rate(wide2.eventsPerSecond()) + " events/s" + partial(wide2), describe(wide)));
        rows.add(new Row("end to end, deep (" + options.deepStreams() + " streams × "
                + String.format(Locale.ROOT, "%,d", options.deepEvents()) + " events)", rate(deep.eventsPerSecond())
                + " events/s (" + ratio(deep.eventsPerSecond(), wide.eventsPerSecond()) + " wide)",
                rate(producer) + " records/s: " + ratio(deep.eventsPerSecond(), producer), "≥ 0.8× wide",
                deep.eventsPerSecond() >= TARGET_DEEP_RATIO * wide.eventsPerSecond(),
                deep2 == null ? "" : rate(deep2.eventsPerSecond()) + " events/s" + partial(deep2), describe(deep)));
        Freshness.Outcome quiet = m.quietFreshness();
        rows.add(new Row("freshness at " + rate(quiet.rate()) + " reports/s, far from saturation (p50 / p95 / p99)",
                millis(quiet.p50()) + " / " + millis(quiet.p95()) + " / " + millis(quiet.p99()), "", "", null, "",
                String.format(Locale.ROOT, "the path's own latency; before issue #9's work, at 10 reports/s: p50 77 ms, "
                        + "p99 638 ms; %s visible/s, %d not visible within 60 s", rate(quiet.visiblePerSecond()),
                        quiet.lost())));
        rows.add(new Row("freshness, report → visible via minVersion (p50 / p95 / p99)", millis(fresh.p50()) + " / "
                + millis(fresh.p95()) + " / " + millis(fresh.p99()), "", "p99 < 250 ms at 1,000 reports/s",
                fresh.p99() < TARGET_P99_MS && fresh.offeredPerSecond() >= Options.TARGET_FRESHNESS_RATE * 0.95, "",
                String.format(Locale.ROOT, "offered %s reports/s (asked %s%s), %s visible/s, %d not visible within 60 s",
                        rate(fresh.offeredPerSecond()), rate(fresh.rate()),
                        freshRate < options.freshnessRate() ? ": half the wide rate, as the product does not sustain "
                                + rate(options.freshnessRate()) : "",
                        rate(fresh.visiblePerSecond()), fresh.lost())));
        rows.add(new Row("polling `GET /api/v1/countries/" + country + "/platforms`, 200, " + options.connections()
                + " connections", rate(poll200.requestsPerSecond()) + " req/s (p99 " + millis(poll200.p99Millis()) + ")",
                rate(text.requestsPerSecond()) + " req/s minimal: " + ratio(poll200.requestsPerSecond(), text.requestsPerSecond()),
                "≥ 0.5× minimal", poll200.requestsPerSecond() >= TARGET_POLL_200 * text.requestsPerSecond(),
                poll2002 == null ? "" : rate(poll2002.requestsPerSecond()) + " req/s (p99 " + millis(poll2002.p99Millis()) + ")"
                        + errors(poll2002),
                items + "-item list; " + ratio(poll200.requestsPerSecond(), list.requestsPerSecond())
                        + " of the minimal JSON list" + errors(poll200)));
        rows.add(new Row("polling, 304 with If-None-Match", rate(poll304.requestsPerSecond()) + " req/s (p99 "
                + millis(poll304.p99Millis()) + ")", rate(text.requestsPerSecond()) + " req/s minimal: "
                + ratio(poll304.requestsPerSecond(), text.requestsPerSecond()), "≥ 0.7× minimal",
                poll304.requestsPerSecond() >= TARGET_POLL_304 * text.requestsPerSecond(), "", errors(poll304).replaceFirst("^; ", "")));
        rows.add(new Row("projection rebuild from offset 0", rate(rebuild.eventsPerSecond()) + " events/s",
                rate(consumer) + " records/s (raw consumer): " + ratio(rebuild.eventsPerSecond(), consumer),
                "≥ 30,000 events/s", rebuild.eventsPerSecond() >= TARGET_REBUILD, "", rebuild.describe()));
        for (String instance : List.of("ingest", "ledger", "query", "ledger-2", "query-2")) {
            Long peak = rss.get(instance);
            if (peak != null) {
                boolean second = instance.endsWith("-2");
                rows.add(new Row("RSS under load, " + instance + (second ? "" : "-service"), second ? "" : mb(peak), "",
                        "≤ 300 MB", peak <= TARGET_RSS, second ? mb(peak) : "",
                        "peak VmRSS sampled each second" + (second ? "" : rssSingle.containsKey(instance)
                                ? "; " + mb(rssSingle.get(instance)) + " before the second instances joined" : "")));
            }
        }
        m.startTimes().forEach((instance, took) -> rows.add(new Row("start time (launch → ready), " + instance,
                instance.endsWith("-2") ? "" : String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0), "", "", null,
                instance.endsWith("-2") ? String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0) : "",
                "minimal".equals(instance) ? "the minimal endpoint, for comparison" : "")));
        return rows;
    }

    private static String partial(EndToEnd.Outcome o) {
        return o.complete() ? "" : " (budget ran out)";
    }
}
