package org.restrictionledger.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Loads a sample-data file through the public ingest API, one report at a time, waiting for each outcome so that the
 * reports of one stream are decided in the file's order. Never writes to a database.
 */
public final class SampleData {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(60);

    private SampleData() {
    }

    /** Summary of a load. */
    public record Loaded(int accepted, int rejected) {
    }

    /**
     * @param file    {"source": …, "reports": [{"note": …, "report": {…}}, …]}
     * @param ingest  base URL of ingest-service
     * @param token   a bearer token with role reporter (or operator): the loader's submissions are its own
     */
    public static Loaded load(Path file, String ingest, String token, Consumer<String> log) {
        JsonNode document;
        try {
            document = Json.tree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample data " + file, e);
        }
        int accepted = 0;
        int rejected = 0;
        for (JsonNode item : document.path("reports")) {
            JsonNode report = item.path("report");
            JsonNode submission = post(ingest + "/api/v1/reports", Json.write(report), token);
            JsonNode outcome = awaitOutcome(ingest + submission.path("self").asText(), token);
            String status = outcome.path("status").asText();
            String what = String.join(" ", report.path("type").asText(), report.path("measure").asText(""),
                    report.path("country").asText() + "/" + report.path("platform").asText()).replace("  ", " ");
            if ("ACCEPTED".equals(status)) {
                accepted++;
                log.accept("  accepted  " + what);
            } else {
                rejected++;
                log.accept("  rejected  " + what + ": " + outcome.path("reason").asText());
            }
        }
        return new Loaded(accepted, rejected);
    }

    private static JsonNode post(String url, String body, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.tree(response.body());
    }

    private static JsonNode awaitOutcome(String url, String token) {
        Instant deadline = Instant.now().plus(OUTCOME_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send(request);
            if (response.statusCode() == 200) {
                JsonNode submission = Json.tree(response.body());
                if (!"PENDING".equals(submission.path("status").asText())) {
                    return submission;
                }
            }
            KafkaBroker.pause();
        }
        throw new IllegalStateException("no outcome for " + url + " within " + OUTCOME_TIMEOUT);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
