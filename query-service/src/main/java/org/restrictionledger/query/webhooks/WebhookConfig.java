package org.restrictionledger.query.webhooks;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * Webhook delivery settings ({@code query.webhooks.*}, env {@code QUERY_WEBHOOKS_*}). Every default is in
 * application.properties' "Webhooks" section, and only there (the dispatcher's {@code @Scheduled} reads the poll
 * interval from it too); README ("Webhooks") explains them.
 */
@ConfigMapping(prefix = "query.webhooks")
public interface WebhookConfig {

    /** Whether this instance delivers (every instance may: deliveries are claimed row by row). */
    boolean dispatch();

    /** How often the dispatcher looks for deliveries that are due. */
    Duration pollInterval();

    /** The most deliveries claimed in one look. */
    int batchSize();

    /** The most HTTP requests in flight at once (per instance). */
    int maxConcurrency();

    /** TCP connect timeout of one attempt. */
    Duration connectTimeout();

    /** Whole-request timeout of one attempt (the receiver must answer within it). */
    Duration requestTimeout();

    /**
     * How long a claimed delivery is left to its instance before another may try it (an instance that died mid-request
     * loses nothing: the delivery is attempted again). Longer than connect + request timeout.
     */
    Duration claimLease();

    Retry retry();

    Disable disable();

    /** How long the previous secret keeps signing after a rotation (two signatures in webhook-signature). */
    Duration secretRotationOverlap();

    /** Finished deliveries (delivered or given up) and their attempts are kept this long in the log. */
    Duration logRetention();

    interface Retry {
        /** Delay before the second attempt; each further one multiplies it, up to max-backoff. */
        Duration initialBackoff();

        double multiplier();

        Duration maxBackoff();

        /** Random spread of each delay, as a fraction (0.2: ±20 %), so that retries do not arrive in lockstep. */
        double jitter();

        /**
         * A delivery still failing this long after its first attempt is given up (FAILED in the log) and the stream's
         * next change goes; never less than 24 h in production.
         */
        Duration giveUpAfter();
    }

    interface Disable {
        /** A subscription whose every attempt failed for this long is disabled. */
        Duration afterFailingFor();

        /** ... or after this many failed attempts in a row, across its streams (0: no such limit). */
        int afterConsecutiveFailures();
    }
}
