package org.restrictionledger.query.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * One open {@code text/event-stream} read line by line, as a browser's EventSource reads it, with the JDK's HTTP
 * client (asynchronously: many connections share the client's few threads).
 */
final class SseConnection implements AutoCloseable {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<HttpResponse<Void>> response;
    private volatile Flow.Subscription subscription;
    private volatile int status;

    private SseConnection(HttpClient client, URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        Flow.Subscriber<String> reader = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                lines.add(line);
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
        // The response future of a streamed body completes when the body ends: the status is kept as it arrives.
        response = client.sendAsync(request.build(), info -> {
            status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(reader);
        });
    }

    /** The response's status code once its head has arrived, else 0. */
    int status() {
        return status;
    }

    /** A client as browsers speak to the service: HTTP/1.1, one connection per stream. */
    static HttpClient client(java.util.concurrent.Executor executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
    }

    static SseConnection open(HttpClient client, URI uri, Map<String, String> headers) {
        return new SseConnection(client, uri, headers);
    }

    boolean has(Predicate<String> line) {
        return lines.stream().anyMatch(line);
    }

    /** The data lines received, in order, that match. */
    List<String> data(Predicate<String> match) {
        return lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip()).filter(match).toList();
    }

    /** The id of the event whose data line matches, or null. */
    String idOf(Predicate<String> match) {
        String id = null;
        for (String line : lines) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:") && match.test(line)) {
                return id;
            }
        }
        return null;
    }

    /** [id, data] of every event whose data matches, in order received. */
    List<String[]> events(Predicate<String> match) {
        List<String[]> events = new java.util.ArrayList<>();
        String id = null;
        for (String line : lines) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:") && match.test(line)) {
                events.add(new String[] {id, line.substring(5).strip()});
            }
        }
        return events;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        response.cancel(true);
    }
}
