package org.restrictionledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain: each event's {@code hash} is the SHA-256 (lower-case hex) of its canonical JSON (RFC 8785 JCS)
 * without the {@code hash} member, {@code prevHash} included. The first event of a stream chains from {@link #GENESIS}.
 */
public final class EventHashing {

    public static final String GENESIS = "0".repeat(64);

    private EventHashing() {
    }

    public static String hashOf(RecordedEvent event) {
        ObjectNode document = Json.mapper().valueToTree(event);
        document.remove("hash");
        try {
            byte[] canonical = new JsonCanonicalizer(Json.write(document)).getEncodedUTF8();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The event with its hash computed. */
    public static RecordedEvent seal(RecordedEvent event) {
        return event.withHash(hashOf(event));
    }
}
