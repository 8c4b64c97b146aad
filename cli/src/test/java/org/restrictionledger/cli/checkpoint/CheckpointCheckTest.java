package org.restrictionledger.cli.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.checkpoint.Checkpoints;
import org.restrictionledger.events.checkpoint.StreamHead;
import org.restrictionledger.events.json.Json;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointCheckTest {

    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    /** A chain of event documents of one stream, each with a reason; hashes computed as the ledger does. */
    private static List<String> chain(String stream, List<String> reasons) {
        List<String> documents = new ArrayList<>();
        String prev = EventHashing.GENESIS;
        for (int v = 1; v <= reasons.size(); v++) {
            ObjectNode event = Json.mapper().createObjectNode().put("eventId", new UUID(7, v).toString())
                    .put("stream", stream).put("streamVersion", v).put("prevHash", prev);
            event.putObject("event").put("type", "restriction.imposed").put("reason", reasons.get(v - 1));
            event.put("hash", EventHashing.hashOf(event));
            prev = event.path("hash").asText();
            documents.add(Json.write(event));
        }
        return documents;
    }

    private static String hash(String document) {
        return Json.tree(document).path("hash").asText();
    }

    private record Fixture(KeyPair keys, SavedCheckpoint saved, Map<String, List<String>> now) {
        Function<String, List<String>> source() {
            return s -> now.getOrDefault(s, List.of());
        }
    }

    private static Fixture fixture() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<String> ru = chain("RU/whatsapp", List.of("a", "b"));
        List<String> ir = chain("IR/instagram", List.of("c"));
        Checkpoint checkpoint = Checkpoints.sign(List.of(new StreamHead("RU/whatsapp", 2, hash(ru.get(1))),
                new StreamHead("IR/instagram", 1, hash(ir.get(0)))), AT, keys.getPrivate(), keys.getPublic());
        SavedCheckpoint saved = new SavedCheckpoint(AT, "http://ledger", new SavedCheckpoint.PinnedKey("Ed25519",
                Checkpoints.keyId(keys.getPublic()), Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())),
                checkpoint);
        // since the checkpoint, RU/whatsapp grew by one event: still an extension
        return new Fixture(keys, saved, Map.of("RU/whatsapp", chain("RU/whatsapp", List.of("a", "b", "d")), "IR/instagram", ir));
    }

    @Test
    void chainsThatOnlyGrewSinceHold() throws Exception {
        Fixture f = fixture();
        CheckpointCheck.Result result = CheckpointCheck.check(f.saved(), f.saved().publicKey().keyId(), s -> true,
                Map.of("ledger", f.source(), "topic", f.source()));
        assertEquals(List.of(), result.findings());
        assertEquals(2, result.streams());
    }

    @Test
    void aHistoryRewrittenWithEveryHashRecomputedIsCaughtInEachSource() throws Exception {
        Fixture f = fixture();
        // the store rewritten consistently: its own chain verifies, but it no longer passes through the old head
        List<String> rewritten = chain("RU/whatsapp", List.of("a", "B", "d"));
        CheckpointCheck.Result result = CheckpointCheck.check(f.saved(), null, s -> true,
                Map.of("ledger", s -> s.equals("RU/whatsapp") ? rewritten : f.source().apply(s)));
        assertEquals(1, result.findings().size(), result.findings().toString());
        assertTrue(result.findings().get(0).startsWith("RU/whatsapp (ledger): rewritten: v2 had hash "),
                result.findings().get(0));
    }

    @Test
    void aShortenedOrVanishedStreamIsCaught() throws Exception {
        Fixture f = fixture();
        CheckpointCheck.Result result = CheckpointCheck.check(f.saved(), null, s -> true,
                Map.of("topic", s -> s.equals("RU/whatsapp") ? f.now().get(s).subList(0, 1) : List.of()));
        assertEquals(2, result.findings().size(), result.findings().toString());
        assertTrue(result.findings().stream().allMatch(x -> x.contains("events were removed")), result.findings().toString());
    }

    @Test
    void aForgedCheckpointOrAnotherLedgerKeyIsNamed() throws Exception {
        Fixture f = fixture();
        Checkpoint original = f.saved().checkpoint();
        List<StreamHead> forgedHeads = new ArrayList<>(original.heads());
        forgedHeads.set(0, new StreamHead(forgedHeads.get(0).stream(), 1, "f".repeat(64)));
        SavedCheckpoint forged = new SavedCheckpoint(AT, "x", f.saved().publicKey(), new Checkpoint(
                original.checkpointId(), original.createdAt(), forgedHeads, original.merkleRoot(), original.signature()));
        List<String> findings = CheckpointCheck.check(forged, "0123456789abcdef", s -> true, Map.of()).findings();
        assertTrue(findings.contains("checkpoint: the signature does not match the checkpoint"), findings.toString());
        assertTrue(findings.contains("checkpoint: the Merkle root is not that of the heads"), findings.toString());
        assertTrue(findings.stream().anyMatch(x -> x.startsWith("checkpoint: the ledger signs with key 0123456789abcdef now")),
                findings.toString());
    }

    @Test
    void onlyTheStreamsInScopeAreChecked() throws Exception {
        Fixture f = fixture();
        CheckpointCheck.Result result = CheckpointCheck.check(f.saved(), null, "IR/instagram"::equals,
                Map.of("ledger", s -> s.equals("IR/instagram") ? f.now().get(s) : List.of()));
        assertEquals(List.of(), result.findings());
        assertEquals(1, result.streams());
    }

    @Test
    void aSavedCheckpointReadsBackAsWritten(@TempDir Path dir) throws Exception {
        Fixture f = fixture();
        Path file = dir.resolve("rl").resolve("checkpoint.json");
        f.saved().write(file);
        SavedCheckpoint read = SavedCheckpoint.read(file).orElseThrow();
        assertEquals(f.saved(), read);
        assertEquals(List.of(), CheckpointCheck.check(read, null, s -> true, Map.of("ledger", f.source())).findings());
        assertTrue(SavedCheckpoint.read(dir.resolve("absent.json")).isEmpty());
    }
}
