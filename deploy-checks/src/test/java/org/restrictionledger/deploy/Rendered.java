package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders a Kustomize directory with the pinned kubectl (offline) and reads every object in it. */
final class Rendered {

    static final Path ROOT = Path.of(System.getProperty("restrictionledger.root", "..")).toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("ingest-service", "ledger-service", "query-service");
    static final List<String> OVERLAYS = List.of("dev", "production");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<Path, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    /** deploy/overlays/NAME, rendered. */
    static List<JsonNode> overlay(String name) {
        return kustomize(ROOT.resolve("deploy/overlays").resolve(name));
    }

    /** Production with the tracing component added, as deploy/README.md tells operators to do. */
    static List<JsonNode> productionWithTracing() {
        return kustomize(Path.of("src/test/resources/overlays/production-with-tracing").toAbsolutePath());
    }

    static List<JsonNode> kustomize(Path dir) {
        return CACHE.computeIfAbsent(dir, d -> {
            String yaml = run(List.of(PinnedTool.kubectl(), "kustomize", d.toString()),
                    "kubectl renders deploy/ (deploy-checks fetches a pinned one on Linux x86-64; elsewhere put kubectl"
                            + " on the PATH)");
            try {
                List<JsonNode> objects = new ArrayList<>();
                YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(o -> objects.add((JsonNode) o));
                return List.copyOf(objects);
            } catch (IOException e) {
                throw new IllegalStateException("the rendered " + d + " is not YAML", e);
            }
        });
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static String where(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    /** A service's application.properties, as the service reads it. */
    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    /** Runs a command in the repository root; its standard output, or a failure that says what is missing. */
    static String run(List<String> command, String whenMissing) {
        try {
            Path errors = Files.createTempFile("deploy-check", ".err");
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(errors));
            }
            Files.delete(errors);
            return out;
        } catch (IOException e) {
            throw new AssertionError(whenMissing + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
