package org.restrictionledger.events.checkpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signed statement of every stream's head at one moment, and the Merkle root over them ({@code checkpoint.v1.json},
 * on {@code restrictions.checkpoints.v1}). A partner who keeps one can later prove that no stream was rewritten
 * since: each stream's current chain must still pass through the head it had ({@link CheckpointVerifier}).
 *
 * @param heads sorted by stream id, one per stream
 */
public record Checkpoint(UUID checkpointId, Instant createdAt, List<StreamHead> heads, String merkleRoot,
                         Signature signature) {

    public Checkpoint {
        heads = heads == null ? List.of() : List.copyOf(heads);
    }

    /**
     * @param algorithm always {@code Ed25519}
     * @param keyId     the first 16 hex characters of the SHA-256 of the public key (X.509 SubjectPublicKeyInfo DER)
     * @param value     the signature of {@link Checkpoints#signedBytes}, base64
     */
    public record Signature(String algorithm, String keyId, String value) {
    }
}
