package org.restrictionledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Projection rebuild: first tops the events topic up to {@code --rebuild-events} through the ingest API (new wide
 * streams, within the budget), then {@code POST /api/v1/projection/rebuild} and follows
 * {@code GET /api/v1/projection} until the rebuild is done; the rate is the service's own count of events read over
 * its own start and finish times.
 */
final class RebuildPhase {

    record Outcome(long eventsRead, double seconds, long onTopic, String state, String error) {
        double eventsPerSecond() {
            return !"FAILED".equals(state) && seconds > 0 && eventsRead > 0 ? eventsRead / seconds : Double.NaN;
        }

        String describe() {
            return String.format(Locale.ROOT, "%,d events read in %.1f s (%,d on the topic when it started)%s",
                    eventsRead, seconds, onTopic, "DONE".equals(state) ? "" : "; rebuild " + state
                            + (error == null ? "" : ": " + error));
        }
    }

    private RebuildPhase() {
    }

    /** Tops the events topic up to {@code --rebuild-events} with new wide streams of tag {@code tag}, in the budget. */
    static void topUp(Api api, String ingest, String query, String run, String tag, Options options,
                      Consumer<String> log) throws Exception {
        long onTopic = api.eventsOnTopic(query);
        if (onTopic >= 0 && onTopic < options.rebuildEvents()) {
            int missing = (int) Math.min(Integer.MAX_VALUE, options.rebuildEvents() - onTopic);
            log.accept("rebuild: topping the topic up from " + onTopic + " to " + options.rebuildEvents() + " events");
            EndToEnd.run(api, ingest, query, new Shape(run, tag, missing, 1), options.budget(), options.batchSize(), log);
        }
    }

    /** Starts a rebuild and follows it to its end (or the budget's). */
    static Outcome rebuild(Api api, String query, Options options, Consumer<String> log) {
        long onTopic = api.eventsOnTopic(query);
        HttpResponse<String> started = api.post(query + Endpoints.REBUILD, "application/json", "");
        if (started.statusCode() != 202) {
            return new Outcome(0, 0, onTopic, "NOT STARTED", "POST answered " + started.statusCode());
        }
        Instant deadline = Instant.now().plus(options.budget());
        JsonNode rebuild = null;
        while (Instant.now().isBefore(deadline)) {
            rebuild = api.projection(query).map(p -> p.path("rebuild")).orElse(null);
            String state = rebuild == null ? "" : rebuild.path("state").asText();
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                break;
            }
            Pause.millis(250);
        }
        if (rebuild == null) {
            return new Outcome(0, 0, onTopic, "UNKNOWN", "GET " + Endpoints.PROJECTION + " did not answer");
        }
        String state = rebuild.path("state").asText();
        double seconds = 0;
        if (rebuild.hasNonNull("startedAt")) {
            // Still running after the budget: the rate so far (the state says so).
            Instant finished = rebuild.hasNonNull("finishedAt") ? Instant.parse(rebuild.path("finishedAt").asText()) : Instant.now();
            seconds = Duration.between(Instant.parse(rebuild.path("startedAt").asText()), finished).toNanos() / 1e9;
        }
        log.accept("rebuild: " + state + ", " + rebuild.path("eventsRead").asLong() + " events in " + seconds + " s");
        return new Outcome(rebuild.path("eventsRead").asLong(), seconds, onTopic,
                "DONE".equals(state) || "FAILED".equals(state) ? state : "STILL RUNNING after the budget",
                rebuild.path("error").isNull() ? null : rebuild.path("error").asText(null));
    }
}
