package org.restrictionledger.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import org.restrictionledger.cli.checkpoint.CheckpointCheck;
import org.restrictionledger.cli.checkpoint.SavedCheckpoint;
import org.restrictionledger.cli.http.Service;
import org.restrictionledger.cli.query.Table;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code rl verify CC/PLATFORM | --all}: each stream's hash chain, twice and independently: as the ledger recomputes
 * it from its store ({@code GET /api/v1/streams/{cc}/{p}/verify}), and as rl recomputes it from what
 * {@code restrictions.events.v1} carries; then whether the two agree (every event on the topic has the hash the
 * ledger stored at that version).
 */
@Command(name = "verify", description = {
        "Verifies hash chains from the ledger API and, independently, from the events topic on Kafka, and checks the "
                + "two agree.",
        "When a signed checkpoint was saved (rl checkpoint save), every stream it names must still pass through the "
                + "head it had, in the ledger's store and on the topic: a history rewritten since is caught even if "
                + "every hash was recomputed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every chain valid and both sources agree", "1:a chain is broken, the sources disagree, or the saved checkpoint does not hold",
                "3:the ledger or Kafka unreachable", "4:unknown stream, or no events topic"})
public final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    Rl rl;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "CC/PLATFORM", description = "one stream, e.g. RU/whatsapp or Russia/WhatsApp")
        String stream;

        @Option(names = "--all", description = "every stream on the events topic")
        boolean all;
    }

    @Option(names = "--no-topic", description = "only ask the ledger (no Kafka); with --all, the streams come from the query API")
    boolean noTopic;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "the saved checkpoint to check against (default: checkpoint.json beside the config file, "
                    + "when it exists)")
    Path checkpointFile;

    @Option(names = "--no-checkpoint", description = "do not check against a saved checkpoint")
    boolean noCheckpoint;

    @Option(names = "--kafka-timeout", defaultValue = "15", paramLabel = "SECONDS",
            description = "how long to wait for Kafka (default ${DEFAULT-VALUE})")
    long kafkaTimeout;

    @Override
    public Integer call() {
        Service ledger = rl.ledger();
        StreamId only = target.stream == null ? null : parse(target.stream);
        Map<StreamId, TopicChains.TopicChain> topic = noTopic ? Map.of() : TopicChains.of(
                new TopicReader(rl.kafkaBootstrapServers(), rl.settings().kafkaProperties(), Duration.ofSeconds(kafkaTimeout))
                        .readAll(Topics.EVENTS, key -> only == null || only.toString().equals(key)));
        TreeSet<String> streams = new TreeSet<>();
        if (only != null) {
            streams.add(only.toString());
        } else if (noTopic) {
            streams.addAll(fromQuery(rl.query()));
        } else {
            topic.keySet().forEach(s -> streams.add(s.toString()));
        }

        PrintWriter out = spec.commandLine().getOut();
        Table table = new Table("STREAM", "LEDGER", "TOPIC", "AGREE");
        List<String> findings = new ArrayList<>();
        for (String name : streams) {
            StreamId stream = StreamId.parse(name);
            JsonNode api = ledger.getJson("/api/v1/streams/" + stream + "/verify");
            boolean apiValid = api.path("valid").asBoolean();
            if (!apiValid) {
                findings.add(stream + " (ledger): " + broken(api.path("firstBrokenLink")));
            }
            String topicCell = "-";
            String agree = "-";
            if (!noTopic) {
                TopicChains.TopicChain chain = topic.get(stream);
                if (chain == null) {
                    topicCell = "no events";
                } else {
                    topicCell = (chain.valid() ? "valid" : "BROKEN") + " (" + chain.events().size() + ")";
                    if (!chain.verification().valid()) {
                        findings.add(stream + " (topic): " + broken(chain.verification().firstBrokenLink()));
                    }
                    chain.problems().forEach(p -> findings.add(stream + " (topic): " + p));
                }
                String disagreement = compare(ledger, stream, chain);
                agree = disagreement == null ? "yes" : disagreement.startsWith("behind") ? "yes, " + disagreement : "NO";
                if (disagreement != null && !disagreement.startsWith("behind")) {
                    findings.add(stream + ": " + disagreement);
                }
            }
            table.row(stream, (apiValid ? "valid" : "BROKEN") + " (" + api.path("checked").asText() + ")", topicCell, agree);
        }
        out.print(streams.isEmpty() ? "no streams to verify\n" : table.render());
        checkpoint(ledger, only, topic).ifPresent(result -> {
            out.println();
            out.println(result);
            findings.addAll(result.findings());
        });
        if (!findings.isEmpty()) {
            out.println();
            out.println("Findings:");
            findings.forEach(f -> out.println("  " + f));
        }
        out.flush();
        return findings.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** The report of the checkpoint check: what was checked, the line to print, and what did not hold. */
    private record CheckpointReport(String line, List<String> findings) {
        @Override
        public String toString() {
            return line;
        }
    }

    /**
     * The saved checkpoint, if there is one, against the ledger's stored documents and (unless --no-topic) the
     * topic's, with the key pinned when it was saved.
     */
    private java.util.Optional<CheckpointReport> checkpoint(Service ledger, StreamId only,
                                                            Map<StreamId, TopicChains.TopicChain> topic) {
        if (noCheckpoint) {
            return java.util.Optional.empty();
        }
        Path file = checkpointFile != null ? checkpointFile : SavedCheckpoint.defaultFile(rl.settings().file());
        java.util.Optional<SavedCheckpoint> saved = SavedCheckpoint.read(file);
        if (saved.isEmpty()) {
            if (checkpointFile != null) {
                throw new CliException(ExitCode.NOT_FOUND, "no checkpoint saved at " + file);
            }
            return java.util.Optional.of(new CheckpointReport("Signed checkpoint: none saved at " + file
                    + "; rl checkpoint save keeps one, and later runs check that no stream was rewritten since.", List.of()));
        }
        Map<String, Function<String, List<String>>> sources = new LinkedHashMap<>();
        Map<String, List<String>> stored = new HashMap<>();
        sources.put("ledger", stream -> stored.computeIfAbsent(stream, s -> {
            List<String> documents = new ArrayList<>();
            ledger.getJson("/api/v1/streams/" + s).path("events").forEach(e -> documents.add(e.toString()));
            return documents;
        }));
        if (!noTopic) {
            sources.put("topic", stream -> {
                TopicChains.TopicChain chain = topic.get(StreamId.parse(stream));
                return chain == null ? List.of() : chain.documents();
            });
        }
        String ledgerKey = ledger.getJson("/api/v1/checkpoints/public-key").path("keyId").asText(null);
        CheckpointCheck.Result result = CheckpointCheck.check(saved.get(), ledgerKey,
                stream -> only == null || only.toString().equals(stream), sources);
        return java.util.Optional.of(new CheckpointReport("Signed checkpoint " + result.checkpoint().checkpointId()
                + " of " + result.checkpoint().createdAt() + " (key " + saved.get().publicKey().keyId() + ", " + file
                + "): " + (result.holds() ? result.streams() + " stream(s) still pass through their heads in "
                + String.join(" and ", sources.keySet()) : "does NOT hold, see findings"), result.findings()));
    }

    /**
     * Every event the topic carries has, at its version, the id and hash the ledger stored; the topic may be behind
     * (the relay publishes after the commit). Null when they agree fully.
     */
    private static String compare(Service ledger, StreamId stream, TopicChains.TopicChain chain) {
        JsonNode stored = ledger.getJson("/api/v1/streams/" + stream);
        Map<Long, JsonNode> byVersion = new HashMap<>();
        stored.path("events").forEach(e -> byVersion.put(e.path("streamVersion").asLong(), e));
        List<RecordedEvent> published = chain == null ? List.of() : chain.events();
        for (RecordedEvent event : published) {
            JsonNode mine = byVersion.get(event.streamVersion());
            if (mine == null) {
                return "the topic has version " + event.streamVersion() + ", the ledger's store does not";
            }
            if (!mine.path("hash").asText().equals(event.hash()) || !mine.path("eventId").asText().equals(event.eventId().toString())) {
                return "at version " + event.streamVersion() + " the topic has event " + event.eventId() + " hash "
                        + event.hash() + ", the ledger event " + mine.path("eventId").asText() + " hash " + mine.path("hash").asText();
            }
        }
        long behind = byVersion.size() - published.size();
        return behind > 0 ? "behind: the topic lacks the last " + behind + " of " + byVersion.size() : null;
    }

    private static String broken(Object link) {
        if (link instanceof JsonNode node) {
            return "version " + node.path("streamVersion").asText() + " (event " + node.path("eventId").asText() + "): "
                    + node.path("problem").asText() + "; expected " + node.path("expected").asText() + ", found "
                    + node.path("found").asText();
        }
        if (link instanceof org.restrictionledger.events.ChainVerifier.BrokenLink b) {
            return "version " + b.streamVersion() + " (event " + b.eventId() + "): " + b.problem() + "; expected "
                    + b.expected() + ", found " + b.found();
        }
        return "broken";
    }

    /** {@code RU/whatsapp}, {@code Russia/WhatsApp}: resolved with the contract's catalogues, as the services do. */
    static StreamId parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new CliException(ExitCode.USAGE, "a stream is COUNTRY/PLATFORM, e.g. RU/whatsapp; was '" + text + "'");
        }
        String country = Countries.resolve(text.substring(0, slash)).orElseThrow(() ->
                new CliException(ExitCode.NOT_FOUND, "unknown country '" + text.substring(0, slash) + "'"));
        Platform platform = Platforms.resolve(text.substring(slash + 1)).orElseThrow(() ->
                new CliException(ExitCode.NOT_FOUND, "unknown platform '" + text.substring(slash + 1) + "'"));
        return new StreamId(country, platform.slug());
    }

    /** Every stream the read model knows: countries, then their platforms. */
    private static List<String> fromQuery(Service query) {
        List<String> streams = new ArrayList<>();
        for (JsonNode country : query.getJson("/api/v1/countries").path("countries")) {
            for (JsonNode platform : query.getJson("/api/v1/countries/" + country.path("country").asText() + "/platforms").path("platforms")) {
                streams.add(platform.path("stream").asText());
            }
        }
        return streams;
    }
}
