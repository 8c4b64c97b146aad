package org.restrictionledger.query.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Webhook delivery settings ({@code query.webhooks.*}, env {@code QUERY_WEBHOOKS_*}); every default is here and in
 * application.properties' "Webhooks" section, and in README ("Webhooks").
 */
@ConfigMapping(prefix = "query.webhooks")
public interface WebhookConfig {

    /** Whether this instance delivers (every instance may: deliveries are claimed row by row). */
    @WithDefault("true")
    boolean dispatch();

    /** How often the dispatcher looks for deliveries that are due. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The most deliveries claimed in one look. */
    @WithDefault("100")
    int batchSize();

    /** The most HTTP requests in flight at once (per instance). */
    @WithDefault("8")
    int maxConcurrency();

    /** TCP connect timeout of one attempt. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Whole-request timeout of one attempt (the receiver must answer within it). */
    @WithDefault("15s")
    Duration requestTimeout();

    /**
     * How long a claimed delivery is left to its instance before another may try it (an instance that died mid-request
     * loses nothing: the delivery is attempted again). Longer than connect + request timeout.
     */
    @WithDefault("60s")
    Duration claimLease();

    Retry retry();

    Disable disable();

    /** How long the previous secret keeps signing after a rotation (two signatures in webhook-signature). */
    @WithDefault("24h")
    Duration secretRotationOverlap();

    /** Finished deliveries (delivered or given up) and their attempts are kept this long in the log. */
    @WithDefault("7d")
    Duration logRetention();

    interface Retry {
        /** Delay before the second attempt; each further one multiplies it, up to max-backoff. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("2")
        double multiplier();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Random spread of each delay, as a fraction (0.2: ±20 %), so that retries do not arrive in lockstep. */
        @WithDefault("0.2")
        double jitter();

        /**
         * A delivery still failing this long after its first attempt is given up (FAILED in the log) and the stream's
         * next change goes; never less than 24 h in production.
         */
        @WithDefault("25h")
        Duration giveUpAfter();
    }

    interface Disable {
        /** A subscription whose every attempt failed for this long is disabled. */
        @WithDefault("24h")
        Duration afterFailingFor();

        /** ... or after this many failed attempts in a row, across its streams (0: no such limit). */
        @WithDefault("0")
        int afterConsecutiveFailures();
    }
}
