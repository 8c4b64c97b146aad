package org.restrictionledger.support.http;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The rate limits of the HTTP edge ({@code rl.rate-limit.*}); defaults and the meaning of each key are in
 * service-support's {@code META-INF/microprofile-config.properties}.
 */
@ConfigMapping(prefix = "rl.rate-limit")
public interface RateLimitConfig {

    /** Off only for load tests on loopback: production always limits. */
    boolean enabled();

    Limit write();

    Limit export();

    StreamLimit stream();

    /** How many clients' buckets are kept at most. */
    long maxClients();

    /** A token bucket: {@code capacity} requests, refilled at {@code capacity} per {@code period}. */
    interface Limit {
        long capacity();

        Duration period();
    }

    /** Server-Sent Events: connections opened as a bucket, and how many may be open at once. */
    interface StreamLimit {
        long capacity();

        Duration period();

        int maxOpen();
    }
}
