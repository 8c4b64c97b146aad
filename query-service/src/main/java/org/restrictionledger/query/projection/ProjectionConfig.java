package org.restrictionledger.query.projection;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The projection's settings ({@code query.projection.*}). Their defaults are in application.properties, with what
 * each one does, and only there; {@code lag-interval} is read there by the {@code @Scheduled} expressions of
 * {@link ProjectionMonitor} and {@link ParkingLot}.
 */
@ConfigMapping(prefix = "query.projection")
public interface ProjectionConfig {

    HistoryCacheSize historyCache();

    /** Readiness goes DOWN when events wait and the projection has not moved forward for this long. */
    Duration stallAfter();

    interface HistoryCacheSize {
        /** How many streams' projected histories {@link HistoryCache} keeps in memory. */
        int maxStreams();
    }
}
