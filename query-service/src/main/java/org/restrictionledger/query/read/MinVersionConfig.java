package org.restrictionledger.query.read;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Read-your-writes ({@code query.min-version.*}); the default is in application.properties, and only there. */
@ConfigMapping(prefix = "query.min-version")
public interface MinVersionConfig {

    /** How long {@code ?minVersion=} (or {@code X-Min-Version}) waits for the projection before the answer is a 503. */
    Duration maxWait();
}
