package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.json.Json;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes a stream's hash chain, as the ledger's {@code /verify} endpoint does and as a partner can on what it
 * consumed: versions 1, 2, 3 … without gaps, the first chained from {@link EventHashing#GENESIS}, each
 * {@code prevHash} equal to the previous {@code hash}, and each {@code hash} equal to the hash of its own document.
 * <p>
 * It works on the documents as received ({@link #verifyReceived}, {@link Chain}): members it does not know are part of
 * what is hashed, so an additive change by a newer v1 producer verifies, and any change to a value does not.
 */
public final class ChainVerifier {

    public static final String ANOTHER_STREAM = "event of another stream";
    public static final String OUT_OF_SEQUENCE = "stream version out of sequence";
    public static final String PREV_HASH_MISMATCH = "prevHash is not the hash of the previous event";
    public static final String ALTERED = "content does not match its hash: the event was altered";
    public static final String UNREADABLE = "not an event document";

    private ChainVerifier() {
    }

    /** The verdict: valid, or the first broken link. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(String stream, boolean valid, int checked, BrokenLink firstBrokenLink) {
    }

    /**
     * Where the chain breaks and why.
     *
     * @param streamVersion the version the broken event claims (0 when it claims none)
     * @param eventId       the id the broken event claims (null when it has none)
     */
    public record BrokenLink(long streamVersion, UUID eventId, String problem, String expected, String found) {
    }

    /** Events built in memory: each is checked in its JSON form, the form the ledger stores and publishes. */
    public static Verification verify(StreamId stream, List<RecordedEvent> events) {
        return verifyDocuments(stream, events.stream().map(e -> Json.mapper().<JsonNode>valueToTree(e)).toList());
    }

    /** @param documents the stream's event documents as received (record values, stored rows), in version order */
    public static Verification verifyReceived(StreamId stream, List<String> documents) {
        Chain chain = new Chain(stream);
        for (String document : documents) {
            JsonNode tree;
            try {
                tree = EventHashing.received(document);
            } catch (IllegalArgumentException e) {
                chain.breakAt(new BrokenLink(chain.version() + 1, null, UNREADABLE, "an I-JSON object", e.getMessage()));
                break;
            }
            if (chain.append(tree).isPresent()) {
                break;
            }
        }
        return chain.verification();
    }

    /** @param documents the stream's event documents, parsed, in version order */
    public static Verification verifyDocuments(StreamId stream, List<? extends JsonNode> documents) {
        Chain chain = new Chain(stream);
        for (JsonNode document : documents) {
            if (chain.append(document).isPresent()) {
                break;
            }
        }
        return chain.verification();
    }

    /**
     * One stream's chain, verified one event at a time as a consumer receives them. Once broken it stays broken: every
     * later event is refused with the same first broken link.
     */
    public static final class Chain {

        private final StreamId stream;
        private String head = EventHashing.GENESIS;
        private long version;
        private BrokenLink broken;

        public Chain(StreamId stream) {
            this.stream = stream;
        }

        /** Checks the next event of the stream; empty when it extends the chain. */
        public Optional<BrokenLink> append(JsonNode document) {
            if (broken == null) {
                BrokenLink link = check(document);
                if (link == null) {
                    head = document.path("hash").asText();
                    version++;
                } else {
                    broken = link;
                }
            }
            return Optional.ofNullable(broken);
        }

        /** @see #append(JsonNode) */
        public Optional<BrokenLink> append(String receivedJson) {
            if (broken != null) {
                return Optional.of(broken);
            }
            try {
                return append(EventHashing.received(receivedJson));
            } catch (IllegalArgumentException e) {
                breakAt(new BrokenLink(version + 1, null, UNREADABLE, "an I-JSON object", e.getMessage()));
                return Optional.of(broken);
            }
        }

        private BrokenLink check(JsonNode document) {
            if (!document.isObject()) {
                return new BrokenLink(version + 1, null, UNREADABLE, "a JSON object", document.getNodeType().toString());
            }
            long claimedVersion = document.path("streamVersion").asLong(0);
            UUID claimedId = uuid(document.path("eventId").asText(null));
            String claimedStream = document.path("stream").asText(null);
            if (!stream.toString().equals(claimedStream)) {
                return new BrokenLink(claimedVersion, claimedId, ANOTHER_STREAM, stream.toString(), claimedStream);
            }
            JsonNode versionNode = document.path("streamVersion");
            if (!versionNode.canConvertToExactIntegral() || versionNode.asLong() != version + 1) {
                return new BrokenLink(claimedVersion, claimedId, OUT_OF_SEQUENCE, Long.toString(version + 1),
                        versionNode.toString());
            }
            String prevHash = document.path("prevHash").asText(null);
            if (!head.equals(prevHash)) {
                return new BrokenLink(claimedVersion, claimedId, PREV_HASH_MISMATCH, head, prevHash);
            }
            String recomputed = EventHashing.hashOf(document);
            String claimedHash = document.path("hash").asText(null);
            if (!recomputed.equals(claimedHash)) {
                return new BrokenLink(claimedVersion, claimedId, ALTERED, recomputed, claimedHash);
            }
            return null;
        }

        private void breakAt(BrokenLink link) {
            if (broken == null) {
                broken = link;
            }
        }

        public StreamId stream() {
            return stream;
        }

        /** The hash of the last verified event, or {@link EventHashing#GENESIS}. */
        public String head() {
            return head;
        }

        /** How many events were verified: the stream version of the head. */
        public long version() {
            return version;
        }

        public Optional<BrokenLink> firstBrokenLink() {
            return Optional.ofNullable(broken);
        }

        public Verification verification() {
            return new Verification(stream.toString(), broken == null, Math.toIntExact(version), broken);
        }

        private static UUID uuid(String text) {
            try {
                return text == null ? null : UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
