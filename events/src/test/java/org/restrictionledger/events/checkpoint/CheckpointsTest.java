package org.restrictionledger.events.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.ChainVerifier;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.json.Json;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointsTest {

    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    private static KeyPair keys() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** A chain of {@code length} event documents of one stream, as received. */
    private static List<String> chain(String stream, int length) {
        List<String> documents = new ArrayList<>();
        String prev = EventHashing.GENESIS;
        for (int v = 1; v <= length; v++) {
            ObjectNode event = Json.mapper().createObjectNode().put("eventId", UUID.randomUUID().toString())
                    .put("stream", stream).put("streamVersion", v).put("prevHash", prev);
            event.putObject("event").put("type", "restriction.imposed").put("measure", "OTHER");
            event.put("hash", EventHashing.hashOf(event));
            prev = event.path("hash").asText();
            documents.add(Json.write(event));
        }
        return documents;
    }

    private static StreamHead head(String stream, List<String> documents) {
        return new StreamHead(stream, documents.size(),
                Json.tree(documents.get(documents.size() - 1)).path("hash").asText());
    }

    @Test
    void aSignedCheckpointIsAuthenticAndMatchesItsSchema() throws Exception {
        KeyPair keys = keys();
        Checkpoint checkpoint = Checkpoints.sign(List.of(new StreamHead("RU/whatsapp", 3, "a".repeat(64)),
                new StreamHead("IR/instagram", 1, "b".repeat(64))), AT, keys.getPrivate(), keys.getPublic());
        assertEquals(List.of("IR/instagram", "RU/whatsapp"), checkpoint.heads().stream().map(StreamHead::stream).toList());
        assertEquals(List.of(), CheckpointVerifier.authentic(checkpoint, keys.getPublic()));
        assertEquals(List.of(), EventSchemas.validate(EventSchemas.CHECKPOINT, Json.tree(Json.write(checkpoint))));
        // Through JSON, as a partner keeps it.
        Checkpoint kept = Json.read(Json.write(checkpoint), Checkpoint.class);
        assertEquals(List.of(), CheckpointVerifier.authentic(kept, Checkpoints.publicKey(
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))));
    }

    @Test
    void aChangedHeadOrAnotherKeyIsCaught() throws Exception {
        KeyPair keys = keys();
        Checkpoint checkpoint = Checkpoints.sign(List.of(new StreamHead("RU/whatsapp", 3, "a".repeat(64))), AT,
                keys.getPrivate(), keys.getPublic());
        Checkpoint forged = new Checkpoint(checkpoint.checkpointId(), AT,
                List.of(new StreamHead("RU/whatsapp", 2, "a".repeat(64))), checkpoint.merkleRoot(), checkpoint.signature());
        List<String> problems = CheckpointVerifier.authentic(forged, keys.getPublic()).stream()
                .map(CheckpointVerifier.Finding::problem).toList();
        assertTrue(problems.contains("the signature does not match the checkpoint"), problems::toString);
        assertTrue(problems.contains("the Merkle root is not that of the heads"), problems::toString);
        assertTrue(CheckpointVerifier.authentic(checkpoint, keys().getPublic()).size() >= 2);
    }

    @Test
    void theMerkleRootFollowsTheSpec() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertEquals(HexFormat.of().formatHex(sha.digest(new byte[0])), Checkpoints.merkleRoot(List.of()));
        StreamHead a = new StreamHead("AA/a", 1, "0".repeat(64));
        byte[] leafText = "{\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"stream\":\"AA/a\",\"version\":1}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sha.update((byte) 0);
        byte[] leaf = sha.digest(leafText);
        assertEquals(HexFormat.of().formatHex(leaf), Checkpoints.merkleRoot(List.of(a)));
        StreamHead b = new StreamHead("BB/b", 2, "1".repeat(64));
        StreamHead c = new StreamHead("CC/c", 3, "2".repeat(64));
        // Three leaves: (a, b) on the left, c on the right.
        String ab = Checkpoints.merkleRoot(List.of(a, b));
        String cOnly = Checkpoints.merkleRoot(List.of(c));
        sha.update((byte) 1);
        sha.update(HexFormat.of().parseHex(ab));
        assertEquals(HexFormat.of().formatHex(sha.digest(HexFormat.of().parseHex(cOnly))),
                Checkpoints.merkleRoot(List.of(a, b, c)));
    }

    @Test
    void aStreamThatGrewHoldsAndARewrittenOrShortenedOneIsCaught() throws Exception {
        KeyPair keys = keys();
        List<String> whatsapp = chain("RU/whatsapp", 3);
        List<String> instagram = chain("IR/instagram", 2);
        Checkpoint checkpoint = Checkpoints.sign(List.of(head("RU/whatsapp", whatsapp.subList(0, 2)),
                head("IR/instagram", instagram)), AT, keys.getPrivate(), keys.getPublic());

        assertEquals(List.of(), CheckpointVerifier.verify(checkpoint, keys.getPublic(),
                Map.of("RU/whatsapp", whatsapp, "IR/instagram", instagram)));

        // Rewritten consistently: v1 changed, every hash recomputed; the chain alone still verifies.
        List<String> rewritten = new ArrayList<>();
        String prev = EventHashing.GENESIS;
        for (String document : whatsapp) {
            ObjectNode event = (ObjectNode) Json.tree(document);
            if (event.path("streamVersion").asInt() == 1) {
                ((ObjectNode) event.path("event")).put("measure", "FULL_BLOCK");
            }
            event.put("prevHash", prev);
            event.put("hash", EventHashing.hashOf(event));
            prev = event.path("hash").asText();
            rewritten.add(Json.write(event));
        }
        assertTrue(ChainVerifier.verifyReceived(org.restrictionledger.events.StreamId.parse("RU/whatsapp"), rewritten)
                .valid());
        List<CheckpointVerifier.Finding> findings = CheckpointVerifier.verify(checkpoint, keys.getPublic(),
                Map.of("RU/whatsapp", rewritten, "IR/instagram", instagram.subList(0, 1)));
        assertEquals(2, findings.size(), findings::toString);
        assertEquals("IR/instagram", findings.get(0).stream());
        assertTrue(findings.get(0).problem().contains("events were removed"), findings::toString);
        assertEquals("RU/whatsapp", findings.get(1).stream());
        assertTrue(findings.get(1).problem().startsWith("rewritten: v2 had hash "), findings::toString);
    }
}
