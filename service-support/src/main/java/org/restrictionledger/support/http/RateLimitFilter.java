package org.restrictionledger.support.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.support.problem.Problem;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rate limits per client ({@link ClientKey}) on the requests that cost ({@link RequestClass}): a Bucket4j token
 * bucket per client and class, and for Server-Sent Events also a cap on connections open at once. Over a limit the
 * answer is {@code 429 application/problem+json} with {@code Retry-After}, before any resource runs. Limits:
 * {@link RateLimitConfig}.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After authentication (200) and authorization (100): a principal, when there is one, is known here. */
    static final int PRIORITY = 90;

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;
    private final ConcurrentMap<String, Integer> openStreams = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitConfig config) {
        this.config = config;
        Duration longest = Stream.of(config.write().period(), config.export().period(), config.stream().period())
                .max(Duration::compareTo).orElseThrow();
        // A bucket unused for two periods is full again: forgetting it changes nothing for that client.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxClients())
                .expireAfterAccess(longest.multipliedBy(2))
                .build();
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            filters.register(this::limit, PRIORITY);
        } else {
            LOG.warn("rate limits are off (rl.rate-limit.enabled=false): only for load tests on loopback");
        }
    }

    private void limit(RoutingContext context) {
        Optional<RequestClass> kind = RequestClass.of(context.request());
        if (kind.isEmpty()) {
            context.next();
            return;
        }
        String client = ClientKey.of(context);
        ConsumptionProbe probe = buckets.get(kind.get() + " " + client, key -> newBucket(kind.get()))
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            reject(context, seconds, "more than " + capacity(kind.get()) + " " + describe(kind.get()) + " per "
                    + period(kind.get()).toSeconds() + " s from this client");
            return;
        }
        if (kind.get() == RequestClass.STREAM && !openStream(context, client)) {
            return;
        }
        context.next();
    }

    /** Counts the connection as open until its response ends or the client goes away. */
    private boolean openStream(RoutingContext context, String client) {
        int max = config.stream().maxOpen();
        boolean[] admitted = {false};
        openStreams.compute(client, (key, open) -> {
            int now = open == null ? 0 : open;
            if (now >= max) {
                return open;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            reject(context, 1, "more than " + max + " event streams open at once from this client");
            return false;
        }
        boolean[] released = {false};
        context.addEndHandler(ignored -> {
            synchronized (released) {
                if (released[0]) {
                    return;
                }
                released[0] = true;
            }
            openStreams.computeIfPresent(client, (key, open) -> open <= 1 ? null : open - 1);
        });
        return true;
    }

    private Bucket newBucket(RequestClass kind) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity(kind)).refillGreedy(capacity(kind), period(kind)).build())
                .build();
    }

    private long capacity(RequestClass kind) {
        return switch (kind) {
            case WRITE -> config.write().capacity();
            case EXPORT -> config.export().capacity();
            case STREAM -> config.stream().capacity();
        };
    }

    private Duration period(RequestClass kind) {
        return switch (kind) {
            case WRITE -> config.write().period();
            case EXPORT -> config.export().period();
            case STREAM -> config.stream().period();
        };
    }

    private static String describe(RequestClass kind) {
        return switch (kind) {
            case WRITE -> "writes";
            case EXPORT -> "CSV exports";
            case STREAM -> "event-stream connections";
        };
    }

    private static void reject(RoutingContext context, long retryAfterSeconds, String detail) {
        Problem problem = Problem.of(429, "too-many-requests", "Too many requests",
                detail + "; retry after " + retryAfterSeconds + " s").at(context.request().path());
        context.response()
                .setStatusCode(429)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(retryAfterSeconds))
                .end(Json.write(problem));
    }
}
