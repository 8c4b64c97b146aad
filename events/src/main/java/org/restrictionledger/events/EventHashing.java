package org.restrictionledger.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain, as specified in {@code docs/hashing.md}: each event's {@code hash} is the SHA-256 (lower-case hex) of
 * the UTF-8 bytes of the RFC 8785 (JCS) canonical form of the event document without its top-level {@code hash}
 * member, {@code prevHash} and any member this code does not know included. The first event of a stream chains from
 * {@link #GENESIS}.
 * <p>
 * Hash what was received ({@link #hashOf(String)}, {@link #hashOf(JsonNode)}): a document from a newer v1 producer may
 * carry members that {@link RecordedEvent} drops, and re-serialising the record would hash something else.
 */
public final class EventHashing {

    public static final String GENESIS = "0".repeat(64);

    /** The member that holds the hash, and the only one left out of what is hashed. */
    public static final String HASH_MEMBER = "hash";

    /**
     * Reads received text without losing anything the canonical form depends on: decimals stay exact (JCS then
     * formats them as IEEE 754 doubles, as RFC 8785 says) and a repeated member name is refused, as I-JSON requires.
     */
    private static final ObjectMapper RECEIVED = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventHashing() {
    }

    /** The hash of an event built in memory: that of its JSON form, which is what the ledger stores and publishes. */
    public static String hashOf(RecordedEvent event) {
        return hashOf(Json.mapper().<JsonNode>valueToTree(event));
    }

    /** The hash of an event document as received (the record value on the topic, the row in the store). */
    public static String hashOf(String json) {
        return hashOf(received(json));
    }

    public static String hashOf(JsonNode document) {
        return sha256Hex(canonicalBytes(document));
    }

    /** What is hashed: the canonical UTF-8 bytes of the document without its top-level {@code hash} member. */
    public static byte[] canonicalBytes(JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalArgumentException("an event document is a JSON object, was " + document.getNodeType());
        }
        ObjectNode withoutHash = ((ObjectNode) document).deepCopy();
        withoutHash.remove(HASH_MEMBER);
        try {
            return canonicalBytesOfText(RECEIVED.writeValueAsString(withoutHash));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical bytes of JSON text this code wrote itself, without a hash member: no re-reading needed. */
    static byte[] canonicalBytesOfText(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @see #canonicalBytes(JsonNode) */
    public static byte[] canonicalBytes(String json) {
        return canonicalBytes(received(json));
    }

    /**
     * Parses received text for hashing.
     *
     * @throws IllegalArgumentException when it is not one JSON value, or repeats a member name
     */
    public static JsonNode received(String json) {
        try {
            return RECEIVED.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not I-JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The event with its hash computed. */
    public static RecordedEvent seal(RecordedEvent event) {
        return event.withHash(hashOf(event));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
