package org.restrictionledger.cli.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.checkpoint.Checkpoints;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;

/**
 * A signed checkpoint kept on the operator's machine, with the public key it was checked against when it was saved.
 * Later runs of {@code rl verify} check the ledger against it with that pinned key, not with whatever key the ledger
 * serves then: a ledger that swapped its key and re-signed rewritten history is caught, not trusted.
 *
 * @param ledger where it came from (for the reader; nothing trusts it)
 */
public record SavedCheckpoint(Instant savedAt, String ledger, PinnedKey publicKey, Checkpoint checkpoint) {

    /** {@code GET /api/v1/checkpoints/public-key} as it answered at save time. */
    public record PinnedKey(String algorithm, String keyId, String publicKey) {
    }

    public PublicKey key() {
        return Checkpoints.publicKey(publicKey.publicKey());
    }

    /** Beside the config file: {@code ~/.config/rl/checkpoint.json} unless {@code RL_CONFIG} moves both. */
    public static Path defaultFile(Path configFile) {
        return configFile.resolveSibling("checkpoint.json");
    }

    public static Optional<SavedCheckpoint> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            SavedCheckpoint saved = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8),
                    SavedCheckpoint.class);
            if (saved.checkpoint() == null || saved.publicKey() == null || saved.publicKey().publicKey() == null) {
                throw new CliException(ExitCode.USAGE, file + " is not a checkpoint saved by rl checkpoint save");
            }
            return Optional.of(saved);
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.USAGE, file + " is not a checkpoint saved by rl checkpoint save: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Written whole or not at all (a temporary file moved into place), so an interrupted save keeps the old one. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "checkpoint", ".tmp");
            Files.writeString(temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
