package org.restrictionledger.query.live;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The live feed: how the change log is read once per instance and passed on to every open event stream
 * ({@code query.stream.*}). The defaults are in application.properties, and only there.
 */
@ConfigMapping(prefix = "query.stream")
public interface LiveConfig {

    /** How often the one shared poller reads the change log (and how often ETags follow it). */
    Duration pollInterval();

    /** Changes read per query of the change log; a full page is followed at once by the next. */
    int batchSize();

    /** How long an open stream may stay silent before it gets a comment line, so proxies do not cut it. */
    Duration heartbeatInterval();

    /** The reconnection delay sent as {@code retry:} when a stream opens. */
    Duration retry();

    /** How many of the latest changes stay in memory for streams that fall behind; older ones come from the store. */
    int window();

    /**
     * How many streams, and how many platforms, keep an ETag mark of their own in memory: those changed most recently.
     * The others share one mark at least as late as their latest change, so their ETags stay correct (they change
     * more often than needed) while memory stays bounded however many streams the read model holds.
     */
    int maxMarks();
}
