package org.restrictionledger.query.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential ({@code initial × multiplier^(failures-1)}, capped), spread by a
 * random jitter so that many deliveries failing together do not come back together, and never sooner than the
 * receiver's {@code Retry-After} (itself capped, so a receiver cannot park a delivery for a year).
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1
                || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff: initial > 0, max >= initial, multiplier >= 1, 0 <= jitter < 1");
        }
    }

    static Backoff of(WebhookConfig.Retry retry) {
        return new Backoff(retry.initialBackoff(), retry.multiplier(), retry.maxBackoff(), retry.jitter());
    }

    /**
     * @param failures   failed attempts of the delivery so far (1 after the first failure)
     * @param retryAfter the receiver's Retry-After, or null
     * @param random     a uniform value in [0, 1)
     */
    public Duration after(int failures, Duration retryAfter, DoubleSupplier random) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        double capped = Math.min(base, max.toMillis());
        double spread = capped * (1 + jitter * (2 * random.getAsDouble() - 1));
        long millis = Math.max(1, Math.round(spread));
        if (retryAfter != null) {
            millis = Math.max(millis, Math.min(retryAfter.toMillis(), max.toMillis()));
        }
        return Duration.ofMillis(millis);
    }
}
