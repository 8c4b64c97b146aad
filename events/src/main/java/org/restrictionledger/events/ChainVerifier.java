package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * Recomputes a stream's hash chain, as the ledger's {@code /verify} endpoint does and as a partner can on what it
 * consumed: versions 1, 2, 3 … without gaps, the first chained from {@link EventHashing#GENESIS}, each
 * {@code prevHash} equal to the previous {@code hash}, and each {@code hash} equal to the hash of its own content.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** The verdict: valid, or the first broken link. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(String stream, boolean valid, int checked, BrokenLink firstBrokenLink) {
    }

    /** Where the chain breaks and why. */
    public record BrokenLink(long streamVersion, UUID eventId, String problem, String expected, String found) {
    }

    /** @param events the stream's events in stream-version order */
    public static Verification verify(StreamId stream, List<RecordedEvent> events) {
        String previous = EventHashing.GENESIS;
        int checked = 0;
        for (RecordedEvent event : events) {
            long expectedVersion = checked + 1L;
            BrokenLink broken = null;
            if (!stream.equals(event.stream())) {
                broken = new BrokenLink(event.streamVersion(), event.eventId(), "event of another stream",
                        stream.toString(), event.stream().toString());
            } else if (event.streamVersion() != expectedVersion) {
                broken = new BrokenLink(event.streamVersion(), event.eventId(), "stream version out of sequence",
                        Long.toString(expectedVersion), Long.toString(event.streamVersion()));
            } else if (!previous.equals(event.prevHash())) {
                broken = new BrokenLink(event.streamVersion(), event.eventId(),
                        "prevHash is not the hash of the previous event", previous, event.prevHash());
            } else {
                String recomputed = EventHashing.hashOf(event);
                if (!recomputed.equals(event.hash())) {
                    broken = new BrokenLink(event.streamVersion(), event.eventId(),
                            "content does not match its hash: the event was altered", recomputed, event.hash());
                }
            }
            if (broken != null) {
                return new Verification(stream.toString(), false, checked, broken);
            }
            previous = event.hash();
            checked++;
        }
        return new Verification(stream.toString(), true, checked, null);
    }
}
