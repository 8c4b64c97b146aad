package org.restrictionledger.events.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * How checkpoints are built, signed and read (docs/hashing.md, "Checkpoints"):
 * <ul>
 *   <li>leaf = SHA-256(0x00 ‖ JCS of {@code {"hash","stream","version"}}), node = SHA-256(0x01 ‖ left ‖ right), the
 *       tree split as in RFC 6962 (left subtree: the largest power of two smaller than n); the root of no heads is
 *       SHA-256 of nothing;</li>
 *   <li>what is signed: the UTF-8 JCS of the checkpoint document without its {@code signature} member;</li>
 *   <li>Ed25519, the key named by the first 16 hex characters of the SHA-256 of its X.509 encoding.</li>
 * </ul>
 */
public final class Checkpoints {

    public static final String ALGORITHM = "Ed25519";

    private Checkpoints() {
    }

    /** A signed checkpoint of these heads. */
    public static Checkpoint sign(List<StreamHead> heads, Instant at, PrivateKey key, PublicKey publicKey) {
        List<StreamHead> sorted = heads.stream().sorted(Comparator.comparing(StreamHead::stream)).toList();
        Checkpoint unsigned = new Checkpoint(UUID.randomUUID(), at, sorted, merkleRoot(sorted), null);
        try {
            java.security.Signature signer = java.security.Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(signedBytes(unsigned));
            return new Checkpoint(unsigned.checkpointId(), at, sorted, unsigned.merkleRoot(),
                    new Checkpoint.Signature(ALGORITHM, keyId(publicKey),
                            Base64.getEncoder().encodeToString(signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with " + ALGORITHM, e);
        }
    }

    /** The bytes the signature covers. */
    public static byte[] signedBytes(Checkpoint checkpoint) {
        ObjectNode document = Json.mapper().valueToTree(checkpoint);
        document.remove("signature");
        return canonical(document);
    }

    public static String merkleRoot(List<StreamHead> heads) {
        if (heads.isEmpty()) {
            return HexFormat.of().formatHex(sha256(new byte[0]));
        }
        List<byte[]> leaves = new ArrayList<>();
        for (StreamHead head : heads) {
            leaves.add(sha256(concat(new byte[]{0}, canonical(Json.mapper().valueToTree(head)))));
        }
        return HexFormat.of().formatHex(subtree(leaves));
    }

    private static byte[] subtree(List<byte[]> nodes) {
        if (nodes.size() == 1) {
            return nodes.get(0);
        }
        int split = Integer.highestOneBit(nodes.size() - 1);
        return sha256(concat(new byte[]{1}, concat(subtree(nodes.subList(0, split)),
                subtree(nodes.subList(split, nodes.size())))));
    }

    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(sha256(key.getEncoded())).substring(0, 16);
    }

    /** A public key from its base64 X.509 (SubjectPublicKeyInfo) encoding, as the ledger serves it. */
    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 " + ALGORITHM + " public key: " + e.getMessage(), e);
        }
    }

    private static byte[] canonical(ObjectNode document) {
        try {
            return new JsonCanonicalizer(Json.write(document)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
