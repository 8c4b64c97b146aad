package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@link LedgerEvent} as the ledger stored it: the JSON form of this record is the {@code data} of the CloudEvent on
 * {@code restrictions.events.v1}, and the document its hash covers.
 *
 * @param eventId       unique id; also the CloudEvent id
 * @param stream        the (country, platform) stream
 * @param streamVersion 1, 2, 3 … within the stream, no gaps
 * @param position      ledger-wide order of recording
 * @param recordedAt    transaction time, set by the ledger
 * @param commandId     the submission that produced it
 * @param prevHash      hash of the previous event of the stream, or {@link EventHashing#GENESIS}
 * @param hash          SHA-256 of this document's canonical JSON without {@code hash} itself
 * @param event         the fact
 * @param submitter     who reported it (the token subject of the submission); absent on events recorded before
 *                      tokens, and then absent from the hashed document too, so their hashes stay what they were
 */
public record RecordedEvent(
        UUID eventId,
        StreamId stream,
        long streamVersion,
        long position,
        Instant recordedAt,
        UUID commandId,
        String prevHash,
        String hash,
        LedgerEvent event,
        @JsonInclude(JsonInclude.Include.NON_NULL) Submitter submitter) {

    /** An event without a submitter (recorded before tokens, or built by a test). */
    public RecordedEvent(UUID eventId, StreamId stream, long streamVersion, long position, Instant recordedAt,
                         UUID commandId, String prevHash, String hash, LedgerEvent event) {
        this(eventId, stream, streamVersion, position, recordedAt, commandId, prevHash, hash, event, null);
    }

    /** The CloudEvents {@code type}, e.g. {@code org.restrictionledger.restriction.imposed.v1}. */
    public String cloudEventType() {
        return CloudEvents.typeOf(event);
    }

    public RecordedEvent withHash(String newHash) {
        return new RecordedEvent(eventId, stream, streamVersion, position, recordedAt, commandId, prevHash, newHash, event,
                submitter);
    }
}
