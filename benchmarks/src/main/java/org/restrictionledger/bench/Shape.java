package org.restrictionledger.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A workload of fresh streams, each getting the same number of reports that the ledger accepts in order: one
 * {@code restriction.imposed} for a wide stream; alternately imposed and lifted THROTTLING, a day apart, for a deep
 * one (no duplicates, nothing lifted before it began). Stream {@code k} is country {@code k mod C} of platform
 * {@code <run>-<tag><k div C>}: every platform slug is new to the ledger, so versions start at 1 and a whole group
 * is read back with one {@code GET /api/v1/platforms/{platform}/countries}.
 *
 * @param run     the run's tag, unique per run: reruns against the same stack never meet earlier streams
 * @param tag     the shape's tag within the run (letters)
 * @param streams how many streams
 * @param events  reports (events) per stream
 */
record Shape(String run, String tag, int streams, int events) {

    /** Every ISO country except the one the polling phase owns. */
    private static final List<String> COUNTRIES = Arrays.stream(Locale.getISOCountries()).sorted()
            .filter(c -> !c.equals("RU")).toList();
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final String[] MEASURES = {"FULL_BLOCK", "THROTTLING", "DOMAIN_DELISTING", "APP_STORE_REMOVAL"};
    /** Pads a report to about the size of a real one (~600 bytes), the size the raw baselines use. */
    private static final String REASON = "benchmark report: the authority ordered the measure after the platform failed "
            + "to comply with a request to remove content and to open a local office within the time it was given, and to "
            + "keep the data of its users inside the country as the law on information requires of every platform";

    static int countries() {
        return COUNTRIES.size();
    }

    long totalEvents() {
        return (long) streams * events;
    }

    /** Events of group {@code g} when all are visible. */
    long totalEventsOf(int group) {
        int[] r = range(group);
        return (long) (r[1] - r[0]) * events;
    }

    int groups() {
        return (streams + COUNTRIES.size() - 1) / COUNTRIES.size();
    }

    String platform(int group) {
        return run + "-" + tag + group;
    }

    String country(int stream) {
        return COUNTRIES.get(stream % COUNTRIES.size());
    }

    String platformOf(int stream) {
        return platform(stream / COUNTRIES.size());
    }

    /** The streams of group {@code g}: the first and one past the last index. */
    int[] range(int group) {
        int from = group * COUNTRIES.size();
        return new int[] {from, Math.min(streams, from + COUNTRIES.size())};
    }

    /** Report {@code i} (0-based) of stream {@code k}, as one NDJSON line. */
    String report(int k, int i) {
        if (events == 1) {
            return report("restriction.imposed", country(k), platformOf(k), MEASURES[k % MEASURES.length],
                    FIRST_DAY.plusDays(k % 1000));
        }
        return report(i % 2 == 0 ? "restriction.imposed" : "restriction.lifted", country(k), platformOf(k),
                "THROTTLING", FIRST_DAY.plusDays(i));
    }

    /** A {@code restriction.imposed} on a stream of the caller's choosing (the polling phase's seed). */
    static String imposed(String country, String platform, int n) {
        return report("restriction.imposed", country, platform, MEASURES[n % MEASURES.length], FIRST_DAY.plusDays(n));
    }

    private static String report(String type, String country, String platform, String measure, LocalDate effective) {
        return "{\"type\":\"" + type + "\",\"country\":\"" + country + "\",\"platform\":\"" + platform
                + "\",\"measure\":\"" + measure + "\",\"authority\":\"Benchmark Authority\","
                + "\"legalBasis\":\"CONTENT_MODERATION\",\"reason\":\"" + REASON + "\",\"effective\":\"" + effective
                + "\",\"sources\":[{\"url\":\"https://example.org/benchmark/" + platform + "/" + country
                + "\",\"publisher\":\"Benchmark Gazette\",\"publishedOn\":\"" + effective + "\"}]}";
    }
}
