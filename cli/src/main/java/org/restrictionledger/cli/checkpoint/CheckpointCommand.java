package org.restrictionledger.cli.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import org.restrictionledger.cli.http.Response;
import org.restrictionledger.cli.http.Service;
import org.restrictionledger.cli.verify.TopicReader;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.checkpoint.CheckpointVerifier;
import org.restrictionledger.events.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code rl checkpoint save|show}: keeps a signed checkpoint of every stream's head on this machine, for
 * {@code rl verify} to check later that no stream was rewritten since.
 */
@Command(name = "checkpoint", description = "Keeps a signed checkpoint of every stream's head for rl verify.",
        subcommands = {CheckpointCommand.Save.class, CheckpointCommand.Show.class})
public final class CheckpointCommand {

    @ParentCommand
    Rl rl;

    Path file(Path option) {
        return option != null ? option : SavedCheckpoint.defaultFile(rl.settings().file());
    }

    @Command(name = "save", description = {
            "Saves the newest checkpoint from restrictions.checkpoints.v1 (or, with --sign, one the ledger signs now) "
                    + "with the ledger's public key, after checking its signature and Merkle root.",
            "Run rl verify --all first: it checks the chains against the checkpoint this one replaces."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:saved", "1:the checkpoint is not genuine (not saved)", "3:the ledger or Kafka unreachable",
                    "4:no checkpoint on the topic yet (use --sign)", "6:--sign needs a token with the operator role"})
    static final class Save implements Callable<Integer> {

        @ParentCommand
        CheckpointCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "FILE",
                description = "where to keep it (default: checkpoint.json beside the config file)")
        Path file;

        @Option(names = "--sign", description = "ask the ledger to sign a checkpoint now (POST /api/v1/checkpoints)")
        boolean sign;

        @Option(names = "--kafka-timeout", defaultValue = "15", paramLabel = "SECONDS",
                description = "how long to wait for Kafka (default ${DEFAULT-VALUE})")
        long kafkaTimeout;

        @Override
        public Integer call() {
            Rl rl = parent.rl;
            Service ledger = rl.ledger();
            JsonNode key = ledger.getJson("/api/v1/checkpoints/public-key");
            Checkpoint checkpoint = sign ? signed(ledger) : newestOnTopic(rl).orElseThrow(() -> new CliException(
                    ExitCode.NOT_FOUND, "no checkpoint on " + Topics.CHECKPOINTS + " yet; rl checkpoint save --sign asks "
                    + "the ledger to sign one now"));
            SavedCheckpoint saved = new SavedCheckpoint(Instant.now(), ledger.base().toString(),
                    new SavedCheckpoint.PinnedKey(key.path("algorithm").asText(), key.path("keyId").asText(),
                            key.path("publicKey").asText()), checkpoint);
            PrintWriter out = spec.commandLine().getOut();
            List<CheckpointVerifier.Finding> findings;
            try {
                findings = CheckpointVerifier.authentic(checkpoint, saved.key());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.FINDINGS, "the ledger's public key is unreadable: " + e.getMessage());
            }
            if (!findings.isEmpty()) {
                out.println("Not saved: checkpoint " + checkpoint.checkpointId() + " is not genuine:");
                findings.forEach(f -> out.println("  " + f.problem()));
                out.flush();
                return ExitCode.FINDINGS;
            }
            Path target = parent.file(file);
            saved.write(target);
            out.println("Saved checkpoint " + checkpoint.checkpointId() + " of " + checkpoint.createdAt() + " ("
                    + checkpoint.heads().size() + " streams, root " + checkpoint.merkleRoot() + ", key "
                    + saved.publicKey().keyId() + ") to " + target);
            out.flush();
            return ExitCode.OK;
        }

        private static Checkpoint signed(Service ledger) {
            Response response = ledger.expectOk(ledger.post("/api/v1/checkpoints", null, null, Map.of()),
                    "POST /api/v1/checkpoints");
            return Json.read(response.body(), Checkpoint.class);
        }

        private Optional<Checkpoint> newestOnTopic(Rl rl) {
            return new TopicReader(rl.kafkaBootstrapServers(), rl.settings().kafkaProperties(),
                    Duration.ofSeconds(kafkaTimeout)).readAll(Topics.CHECKPOINTS, k -> true).stream()
                    .flatMap(r -> {
                        try {
                            return java.util.stream.Stream.of(Json.read(r.value(), Checkpoint.class));
                        } catch (IllegalArgumentException e) {
                            return java.util.stream.Stream.empty();
                        }
                    })
                    .filter(c -> c.createdAt() != null)
                    .max(Comparator.comparing(Checkpoint::createdAt));
        }
    }

    @Command(name = "show", description = "Prints the saved checkpoint: id, time, key, streams.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:shown", "4:none saved"})
    static final class Show implements Callable<Integer> {

        @ParentCommand
        CheckpointCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "FILE",
                description = "the saved checkpoint (default: checkpoint.json beside the config file)")
        Path file;

        @Override
        public Integer call() {
            Path source = parent.file(file);
            SavedCheckpoint saved = SavedCheckpoint.read(source).orElseThrow(() -> new CliException(ExitCode.NOT_FOUND,
                    "no checkpoint saved at " + source + "; rl checkpoint save keeps one"));
            Checkpoint checkpoint = saved.checkpoint();
            PrintWriter out = spec.commandLine().getOut();
            out.println("checkpoint " + checkpoint.checkpointId() + " of " + checkpoint.createdAt() + ", saved "
                    + saved.savedAt() + " from " + saved.ledger());
            out.println("key " + saved.publicKey().keyId() + " (" + saved.publicKey().algorithm() + "), Merkle root "
                    + checkpoint.merkleRoot());
            checkpoint.heads().forEach(h -> out.println("  " + h.stream() + "  v" + h.version() + "  " + h.hash()));
            out.flush();
            return ExitCode.OK;
        }
    }
}
