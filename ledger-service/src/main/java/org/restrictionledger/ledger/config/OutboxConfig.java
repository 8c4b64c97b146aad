package org.restrictionledger.ledger.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The outbox relay ({@code OutboxRelay}): it runs after every decided command. Defaults: {@code application.properties},
 * the one place for them (the relay's schedule reads {@code ${ledger.outbox.poll-interval}} from there too).
 */
@ConfigMapping(prefix = "ledger.outbox")
public interface OutboxConfig {

    /** The safety net: how often rows that a failed publish left are looked for. */
    Duration pollInterval();

    /** How many rows are published per transaction. */
    int batchSize();

    /** How long the relay waits for the broker's acks. */
    Duration publishTimeout();
}
