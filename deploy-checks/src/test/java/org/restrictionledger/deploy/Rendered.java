package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a Kustomize overlay with {@code kubectl kustomize} (offline) and reads every object in it. */
final class Rendered {

    static final Path ROOT = Path.of(System.getProperty("restrictionledger.root", "..")).toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Rendered() {
    }

    static List<JsonNode> overlay(String name) {
        Path dir = ROOT.resolve("deploy/overlays").resolve(name);
        String yaml = run(List.of("kubectl", "kustomize", dir.toString()),
                "kubectl is needed to render deploy/ (it renders offline): install kubectl");
        try {
            List<JsonNode> objects = new ArrayList<>();
            YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(o -> objects.add((JsonNode) o));
            return objects;
        } catch (IOException e) {
            throw new IllegalStateException("the rendered " + name + " overlay is not YAML", e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** Runs a command in the repository root; its standard output, or a failure that says what to install. */
    static String run(List<String> command, String whenMissing) {
        try {
            Path errors = Files.createTempFile("deploy-check", ".err");
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(errors));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(whenMissing + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
