package org.restrictionledger.ingest.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * Ingest's own settings ({@code ingest.*}). Each default is written once, in {@code application.properties} next to
 * what the key means, so that the scheduler's {@code ${…}} expressions and this mapping read the same value.
 */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** How long {@code POST /api/v1/reports} waits for the broker to acknowledge a command before answering 503. */
    Duration publishTimeout();

    Submission submission();

    /** Submissions whose command the broker never took. */
    interface Submission {

        /** After how long such a submission becomes EXPIRED instead of PENDING forever. */
        Duration expireAfter();

        /** How often expired submissions are looked for ({@code SubmissionExpiry}'s schedule). */
        Duration expireCheck();
    }
}
