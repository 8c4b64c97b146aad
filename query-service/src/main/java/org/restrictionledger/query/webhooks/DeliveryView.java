package org.restrictionledger.query.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery in a subscription's log: its {@code webhook-id} ({@code id}), the change it carries, where it stands
 * ({@code PENDING}, {@code DELIVERED}, or {@code FAILED}: given up), and every attempt.
 */
public record DeliveryView(UUID id, String stream, long streamVersion, UUID eventId, String state, int attempts,
                           Instant createdAt, Instant nextAttemptAt, Instant finishedAt, Integer lastStatusCode,
                           String lastError, List<Attempt> attemptLog) {

    /** One HTTP attempt: the receiver's status code, or the error when there was no answer. */
    public record Attempt(int attempt, Instant at, long durationMs, Integer statusCode, String error) {
    }
}
