package org.restrictionledger.cli.checkpoint;

import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.checkpoint.CheckpointVerifier;
import org.restrictionledger.events.checkpoint.StreamHead;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A saved checkpoint against the chains as they are now: genuine under the key pinned when it was saved, and every
 * stream it names (of those in scope) still passing through the head it had, in each source of documents (the
 * ledger's store, the events topic). A store rewritten consistently, every hash recomputed so that its own chains
 * verify, fails here.
 */
public final class CheckpointCheck {

    /** What was checked, and what did not hold (empty when the checkpoint holds). */
    public record Result(Checkpoint checkpoint, int streams, List<String> findings) {

        public boolean holds() {
            return findings.isEmpty();
        }
    }

    private CheckpointCheck() {
    }

    /**
     * @param ledgerKeyId the id of the key the ledger signs with now, or null when not asked
     * @param inScope     which of the checkpoint's streams to check (one stream, or all)
     * @param sources     a source's name → stream id → its event documents now, as stored or received, in version
     *                    order (empty when the source has none)
     */
    public static Result check(SavedCheckpoint saved, String ledgerKeyId, Predicate<String> inScope,
                               Map<String, Function<String, List<String>>> sources) {
        Checkpoint checkpoint = saved.checkpoint();
        List<String> findings = new ArrayList<>();
        PublicKey pinned;
        try {
            pinned = saved.key();
        } catch (IllegalArgumentException e) {
            return new Result(checkpoint, 0, List.of("checkpoint: the saved public key is unreadable: " + e.getMessage()));
        }
        CheckpointVerifier.authentic(checkpoint, pinned).forEach(f -> findings.add("checkpoint: " + f.problem()));
        if (ledgerKeyId != null && !ledgerKeyId.equals(saved.publicKey().keyId())) {
            findings.add("checkpoint: the ledger signs with key " + ledgerKeyId + " now, the checkpoint was saved with "
                    + saved.publicKey().keyId() + " (if the key was rotated on purpose, save a new checkpoint after "
                    + "verifying)");
        }
        List<StreamHead> heads = checkpoint.heads().stream().filter(h -> inScope.test(h.stream())).toList();
        Checkpoint scoped = new Checkpoint(checkpoint.checkpointId(), checkpoint.createdAt(), heads,
                checkpoint.merkleRoot(), checkpoint.signature());
        Map<String, Function<String, List<String>>> ordered = new LinkedHashMap<>(sources);
        ordered.forEach((source, documents) -> CheckpointVerifier.stillExtends(scoped, documents)
                .forEach(f -> findings.add(f.stream() + " (" + source + "): " + f.problem() + " since checkpoint "
                        + checkpoint.checkpointId())));
        return new Result(checkpoint, heads.size(), findings);
    }
}
