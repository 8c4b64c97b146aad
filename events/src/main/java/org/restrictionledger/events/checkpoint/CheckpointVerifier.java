package org.restrictionledger.events.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.ChainVerifier;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.StreamId;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a checkpoint kept from earlier: that it is genuine (signature, Merkle root), and that every stream it names
 * still passes through the head it had then, i.e. that the old chain is a prefix of the current one. A store rewritten
 * consistently (every hash recomputed, so its own chain verifies) is caught here.
 */
public final class CheckpointVerifier {

    private CheckpointVerifier() {
    }

    /** Why a checkpoint, or one of its streams, does not hold. */
    public record Finding(String stream, String problem) {
    }

    /** Signature and Merkle root; empty when the checkpoint is genuine. */
    public static List<Finding> authentic(Checkpoint checkpoint, PublicKey key) {
        List<Finding> findings = new ArrayList<>();
        if (checkpoint.signature() == null || !Checkpoints.ALGORITHM.equals(checkpoint.signature().algorithm())) {
            findings.add(new Finding(null, "not signed with " + Checkpoints.ALGORITHM));
            return findings;
        }
        if (!Checkpoints.keyId(key).equals(checkpoint.signature().keyId())) {
            findings.add(new Finding(null, "signed with key " + checkpoint.signature().keyId() + ", not "
                    + Checkpoints.keyId(key)));
        }
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(Checkpoints.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(Checkpoints.signedBytes(checkpoint));
            if (!verifier.verify(Base64.getDecoder().decode(checkpoint.signature().value()))) {
                findings.add(new Finding(null, "the signature does not match the checkpoint"));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            findings.add(new Finding(null, "the signature cannot be checked: " + e.getMessage()));
        }
        List<StreamHead> sorted = checkpoint.heads().stream().sorted(Comparator.comparing(StreamHead::stream)).toList();
        if (!sorted.equals(checkpoint.heads())) {
            findings.add(new Finding(null, "heads are not sorted by stream id"));
        }
        if (!Checkpoints.merkleRoot(checkpoint.heads()).equals(checkpoint.merkleRoot())) {
            findings.add(new Finding(null, "the Merkle root is not that of the heads"));
        }
        return findings;
    }

    /**
     * Every stream of the checkpoint against its current documents; empty when each old head is still in its chain.
     *
     * @param currentDocuments a stream id → its event documents now, as received or stored, in version order
     */
    public static List<Finding> stillExtends(Checkpoint checkpoint, Function<String, List<String>> currentDocuments) {
        List<Finding> findings = new ArrayList<>();
        for (StreamHead head : checkpoint.heads()) {
            List<String> documents = currentDocuments.apply(head.stream());
            if (documents.size() < head.version()) {
                findings.add(new Finding(head.stream(), "had " + head.version() + " events at the checkpoint, has "
                        + documents.size() + " now: events were removed"));
                continue;
            }
            List<String> prefix = documents.subList(0, Math.toIntExact(head.version()));
            ChainVerifier.Verification chain = ChainVerifier.verifyReceived(StreamId.parse(head.stream()), prefix);
            if (!chain.valid()) {
                findings.add(new Finding(head.stream(), "chain broken at v" + chain.firstBrokenLink().streamVersion()
                        + ": " + chain.firstBrokenLink().problem()));
                continue;
            }
            JsonNode atHead = EventHashing.received(prefix.get(prefix.size() - 1));
            if (!head.hash().equals(atHead.path("hash").asText())) {
                findings.add(new Finding(head.stream(), "rewritten: v" + head.version() + " had hash " + head.hash()
                        + " at the checkpoint, has " + atHead.path("hash").asText() + " now"));
            }
        }
        return findings;
    }

    /** Both checks against a map of current chains (e.g. what a partner consumed). */
    public static List<Finding> verify(Checkpoint checkpoint, PublicKey key, Map<String, List<String>> current) {
        List<Finding> findings = new ArrayList<>(authentic(checkpoint, key));
        findings.addAll(stillExtends(checkpoint, s -> current.getOrDefault(s, List.of())));
        return findings;
    }
}
