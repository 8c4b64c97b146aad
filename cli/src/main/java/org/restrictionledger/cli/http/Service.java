package org.restrictionledger.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One of the product's HTTP services (ingest, ledger, query) at its base URL, with the operator's token as a Bearer
 * credential. Every failure to reach it becomes a {@link CliException} that names the service and the URL.
 */
public final class Service {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final URI base;
    private final String settingHint;
    private final Optional<String> token;
    private final HttpClient client;

    /**
     * @param name        ingest, ledger or query: used in messages
     * @param baseUrl     e.g. http://localhost:8081
     * @param settingHint how to point rl elsewhere, e.g. "--ingest-url or RL_INGEST_URL"
     */
    public Service(String name, String baseUrl, String settingHint, Optional<String> token) {
        this.name = name;
        this.settingHint = settingHint;
        this.token = token;
        try {
            this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "the " + name + " URL '" + baseUrl + "' is not an http(s) URL ("
                    + settingHint + ")");
        }
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    public HttpClient client() {
        return client;
    }

    public Response get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().header("Accept", "application/json"));
    }

    public Response post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** GET, expecting 2xx JSON; anything else is a {@link CliException} saying what the service answered. */
    public JsonNode getJson(String pathAndQuery) {
        return expectOk(get(pathAndQuery), "GET " + pathAndQuery).json();
    }

    /** A request to this service, with the token; for callers that need their own body handler (SSE). */
    public HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    public Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Idempotent-Replayed"), response.headers().firstValue("Location"));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.UNAVAILABLE, "interrupted while waiting for " + name + " at " + base);
        }
    }

    /** Says which service at which URL could not be reached, and how to point rl at another. */
    public CliException unreachable(Exception e) {
        String why;
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            why = "connection refused";
        } else if (e instanceof HttpConnectTimeoutException) {
            why = "no answer to connect within " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        } else if (e.getCause() instanceof UnresolvedAddressException) {
            why = "unknown host " + base.getHost();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new CliException(ExitCode.UNAVAILABLE, "cannot reach " + name + " at " + base + " (" + why
                + "): is it running? Point rl at it with " + settingHint + ".");
    }

    /** Maps a non-2xx answer to the exit code and message it deserves. */
    public Response expectOk(Response response, String what) {
        if (response.ok()) {
            return response;
        }
        throw failure(response, what);
    }

    public CliException failure(Response response, String what) {
        int status = response.status();
        String said = name + " answered " + status + " to " + what + ": " + response.problem();
        if (status == 401 || status == 403) {
            return new CliException(ExitCode.UNAUTHORISED, said + " (set RL_TOKEN, or token= in the config file, to a "
                    + "token with the right role)");
        }
        if (status == 404) {
            return new CliException(ExitCode.NOT_FOUND, said);
        }
        if (status / 100 == 4) {
            return new CliException(ExitCode.USAGE, said);
        }
        return new CliException(ExitCode.UNAVAILABLE, said);
    }
}
