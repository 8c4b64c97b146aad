package org.restrictionledger.query.live;

import java.time.Instant;
import java.util.UUID;

/** What a live screen receives for each projected change: one row of the change log ({@code status_changes}). */
public record Change(long seq, String stream, String status, long version, UUID eventId, Instant changedAt) {

    public String country() {
        return stream.substring(0, stream.indexOf('/'));
    }

    public String platform() {
        return stream.substring(stream.indexOf('/') + 1);
    }
}
