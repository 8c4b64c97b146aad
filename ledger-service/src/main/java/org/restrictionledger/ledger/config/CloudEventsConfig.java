package org.restrictionledger.ledger.config;

import io.smallrye.config.ConfigMapping;

/** What the ledger stamps on each record it publishes ({@code Outbox}). Default: {@code application.properties}. */
@ConfigMapping(prefix = "ledger.cloudevents")
public interface CloudEventsConfig {

    /** The CloudEvents {@code source} of every event this ledger publishes. */
    String source();
}
