package org.restrictionledger.query.webhooks;

import org.restrictionledger.events.status.StreamStatus;

import java.util.List;

/** What a subscription wants: each list empty for "any", else the change's country, platform and status must be in it. */
public record Filter(List<String> countries, List<String> platforms, List<String> statuses) {

    public Filter {
        countries = List.copyOf(countries);
        platforms = List.copyOf(platforms);
        statuses = List.copyOf(statuses);
    }

    public boolean matches(StreamStatus status) {
        return (countries.isEmpty() || countries.contains(status.stream().country()))
                && (platforms.isEmpty() || platforms.contains(status.stream().platform()))
                && (statuses.isEmpty() || statuses.contains(status.status().name()));
    }
}
