package org.restrictionledger.query.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as the API shows it. {@code secret} is shown only when it is new (create, rotate);
 * {@code backlog} counts the deliveries not yet delivered or given up.
 */
public record Subscription(
        UUID id,
        String url,
        String description,
        List<String> countries,
        List<String> platforms,
        List<String> statuses,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        Instant failingSince,
        Instant lastSuccessAt,
        Instant previousSecretValidUntil,
        long backlog,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    Subscription withSecret(String newSecret) {
        return new Subscription(id, url, description, countries, platforms, statuses, enabled, disabledReason,
                disabledAt, consecutiveFailures, failingSince, lastSuccessAt, previousSecretValidUntil, backlog,
                createdAt, updatedAt, newSecret);
    }
}
