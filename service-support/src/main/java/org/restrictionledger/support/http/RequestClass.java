package org.restrictionledger.support.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.util.Optional;

/** The kinds of request that cost enough to be rate limited, told apart by HTTP alone (method, path, negotiation). */
enum RequestClass {
    /** Anything that changes state: reports, batches, CSV uploads, a projection rebuild. */
    WRITE,
    /** A CSV export, which streams a whole table. */
    EXPORT,
    /** A Server-Sent Events connection, which stays open. */
    STREAM;

    private static final String API = "/api/";
    /** The query API's Server-Sent Events endpoint (a client that asks for text/event-stream is counted anywhere). */
    private static final String EVENT_STREAM = "/api/v1/stream";

    static Optional<RequestClass> of(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !path.startsWith(API)) {
            return Optional.empty();
        }
        HttpMethod method = request.method();
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE) {
            return Optional.of(WRITE);
        }
        if (method != HttpMethod.GET) {
            return Optional.empty();
        }
        String accept = request.getHeader("Accept");
        if (path.equals(EVENT_STREAM) || accepts(accept, "text/event-stream")) {
            return Optional.of(STREAM);
        }
        if ("csv".equalsIgnoreCase(request.getParam("format")) || accepts(accept, "text/csv")) {
            return Optional.of(EXPORT);
        }
        return Optional.empty();
    }

    private static boolean accepts(String accept, String type) {
        return accept != null && accept.toLowerCase().contains(type);
    }
}
