package org.restrictionledger.ledger.config;

import io.smallrye.config.ConfigMapping;

/**
 * The streams' histories the ledger keeps in memory ({@code StreamCache}), so that deciding a command does not reload
 * its stream. Default: {@code application.properties}.
 */
@ConfigMapping(prefix = "ledger.stream-cache")
public interface StreamCacheConfig {

    /** How many streams' histories are kept at most. */
    int maxStreams();

    /** How many events all the kept histories hold at most: what bounds the cache's memory when streams are long. */
    long maxEvents();
}
