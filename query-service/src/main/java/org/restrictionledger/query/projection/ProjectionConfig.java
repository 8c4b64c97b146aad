package org.restrictionledger.query.projection;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** The projection's settings ({@code query.projection.*}). The defaults are in application.properties, and only there. */
@ConfigMapping(prefix = "query.projection")
public interface ProjectionConfig {

    HistoryCacheSize historyCache();

    /** Readiness goes DOWN when events wait and the projection has not moved forward for this long. */
    Duration stallAfter();

    /**
     * How often the lag is measured and parked streams counted. The {@code @Scheduled} methods of
     * {@link ProjectionMonitor} and {@link ParkingLot} read it by its name (an annotation takes no bean); it is mapped
     * here so that the whole prefix is typed and a misspelt key fails at start.
     */
    Duration lagInterval();

    interface HistoryCacheSize {
        /** How many streams' projected histories {@link HistoryCache} keeps in memory. */
        int maxStreams();
    }
}
