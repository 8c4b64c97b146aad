package org.restrictionledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The product's public HTTP API as the harness calls it (blocking calls; the loads have their own clients). */
final class Api {

    static final String NDJSON = "application/x-ndjson";

    /**
     * HTTP/1.1, as dashboards and partners on plain HTTP speak it: the JDK client would otherwise upgrade to h2c and
     * multiplex every call on one connection, whose loss (a run once lost one mid-phase) fails them all at once.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** POSTs an NDJSON batch of reports; the per-item answer. */
    JsonNode postBatch(String ingest, String ndjson) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ingest + Endpoints.REPORT_BATCH))
                .header("Content-Type", NDJSON).header("Authorization", BenchToken.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                .timeout(Duration.ofMinutes(2)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + Endpoints.REPORT_BATCH + " answered " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
        return Json.tree(response.body());
    }

    /** GET /api/v1/projection; empty when the query API does not answer it (the figure then says so). */
    Optional<JsonNode> projection(String query) {
        HttpResponse<String> response = get(query + Endpoints.PROJECTION, Map.of());
        return response.statusCode() == 200 ? Optional.of(Json.tree(response.body())) : Optional.empty();
    }

    /** Events on the topic as the projection sees them (position + lag); -1 when unknown. */
    long eventsOnTopic(String query) {
        return projection(query).map(p -> p.path("position").asLong(0) + p.path("lag").asLong(0)).orElse(-1L);
    }

    /** Events the projection has applied; -1 when unknown. */
    long projected(String query) {
        return projection(query).map(p -> p.path("position").asLong(-1)).orElse(-1L);
    }

    HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", BenchToken.AUTHORIZATION);
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Authorization", BenchToken.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
