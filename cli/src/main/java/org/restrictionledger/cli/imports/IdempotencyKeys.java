package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The Idempotency-Key of each row: {@code rl-<first 40 hex digits of SHA-256 of the report's RFC 8785 canonical
 * JSON>-<n>}, n counting identical reports within the file (1 for the first). The same file imported again sends the
 * same keys, so ingest answers the submissions it already has and nothing is recorded twice; a row fixed after a
 * rejection is a different report and gets a new key. Key order within the JSON, spacing and the file format (CSV or
 * JSON) do not change the key.
 */
final class IdempotencyKeys {

    private final Map<String, Integer> seen = new HashMap<>();

    /** Not thread-safe: rows are keyed in file order by the one reading thread. */
    String next(ObjectNode report) {
        String digest = digest(report);
        int occurrence = seen.merge(digest, 1, Integer::sum);
        return "rl-" + digest + "-" + occurrence;
    }

    static String digest(ObjectNode report) {
        try {
            byte[] canonical = new JsonCanonicalizer(Json.write(report)).getEncodedUTF8();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(hash).substring(0, 40);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
