package org.restrictionledger.testsupport;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP receiver on loopback, as a partner runs one: it records every request to every path and answers each
 * with the status its path's behaviour gives (200 by default). {@link #verify} checks a signature by its own
 * computation of Standard Webhooks' HMAC, not the service's.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and what it was answered. */
    public record Request(String path, String id, String timestamp, String signature, String contentType, String body,
                          int answered) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, IntUnaryOperator> behaviour = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            int status;
            synchronized (requests) {
                int nth = (int) requests.stream().filter(r -> r.path().equals(path)).count() + 1;
                status = behaviour.getOrDefault(path, n -> 200).applyAsInt(nth);
                requests.add(new Request(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How a path answers its n-th request (1-based). */
    public void answer(String path, IntUnaryOperator statusOfNth) {
        behaviour.put(path, statusOfNth);
    }

    public List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** The requests to a path that were answered 2xx. */
    public List<Request> accepted(String path) {
        return requests(path).stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    /** Whether one of the signature header's v1 entries is HMAC-SHA256(secret, id.timestamp.body). */
    public static boolean verify(String secret, Request request) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : request.signature().split(" ")) {
                String[] parts = entry.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
