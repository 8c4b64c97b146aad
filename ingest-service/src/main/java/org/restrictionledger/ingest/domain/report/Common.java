package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What every report carries, read before its type's own fields; any of the read values is null when it was wrong.
 *
 * @param id     the submission id, which becomes the command id
 * @param country  the country's code, null when it was wrong
 * @param platform the platform's slug, null when it was wrong
 * @param stream   null when country or platform was wrong
 */
record Common(UUID id, String country, String platform, StreamId stream, String authority, String reason, Effective effective, List<Source> sources,
              Instant receivedAt, Submitter submitter) {
}
