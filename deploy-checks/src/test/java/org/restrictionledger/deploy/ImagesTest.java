package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The images the build names are the images deploy/ runs. No registry is reachable here, so nothing is built; this
 * checks the configuration that a build with -Dquarkus.container-image.push=true would use: each service has the Jib
 * extension, its image is restriction-ledger/SERVICE tagged with the project version on the Dockerfile's base, the base
 * manifests use that name, and every overlay's Kustomize images: maps it to one registry with the project version.
 */
class ImagesTest {

    private static final String VERSION = System.getProperty("restrictionledger.version");
    private static final String GROUP = "restriction-ledger";

    @Test
    void eachServiceBuildsItsImageWithJibNamedFromTheProjectVersion() throws Exception {
        assertTrue(VERSION != null && !VERSION.isBlank(), "the build passes restrictionledger.version");
        for (String service : Rendered.SERVICES) {
            assertTrue(dependsOn(Rendered.ROOT.resolve(service + "/pom.xml"), "io.quarkus", "quarkus-container-image-jib"),
                    service + " has no quarkus-container-image-jib");
            Properties p = Rendered.applicationProperties(service);
            assertEquals(GROUP, p.getProperty("quarkus.container-image.group"), service);
            assertEquals(service, p.getProperty("quarkus.container-image.name"), service);
            assertEquals("${quarkus.application.version}", p.getProperty("quarkus.container-image.tag"), service);
            assertEquals(null, p.getProperty("quarkus.container-image.build"), service + ": a plain package must not build an image");
            String dockerfileBase = Files.readAllLines(Rendered.ROOT.resolve(service + "/src/main/docker/Dockerfile.jvm")).stream()
                    .filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow().substring(5).trim();
            assertEquals(dockerfileBase, p.getProperty("quarkus.jib.base-jvm-image"),
                    service + ": the Jib image and the compose image have different bases");
        }
    }

    @Test
    void theBaseRunsTheImagesByTheNamesTheBuildGivesThem() {
        List<JsonNode> base = Rendered.kustomize(Rendered.ROOT.resolve("deploy/base"));
        for (Deployment d : ManifestsTest.deployments(base)) {
            assertEquals(GROUP + "/" + d.getMetadata().getName(),
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachOverlaySetsOneRegistryAndTheProjectVersionInItsImages(String overlay) throws Exception {
        JsonNode kustomization = Rendered.YAML.readTree(Rendered.ROOT.resolve("deploy/overlays/" + overlay + "/kustomization.yaml").toFile());
        Map<String, JsonNode> images = new TreeMap<>();
        kustomization.path("images").forEach(i -> images.put(i.path("name").asText(), i));
        assertEquals(Rendered.SERVICES.stream().map(s -> GROUP + "/" + s).sorted().toList(), List.copyOf(images.keySet()));
        String registry = null;
        for (JsonNode image : images.values()) {
            assertEquals(VERSION, image.path("newTag").asText(), overlay + ": " + image.path("name").asText()
                    + " is not the build's version");
            String newName = image.path("newName").asText();
            assertTrue(newName.endsWith("/" + image.path("name").asText()), newName);
            String thisRegistry = newName.substring(0, newName.length() - image.path("name").asText().length());
            assertTrue(registry == null || registry.equals(thisRegistry), overlay + ": the images come from several registries");
            registry = thisRegistry;
        }
        List<JsonNode> rendered = Rendered.overlay(overlay);
        for (Deployment d : ManifestsTest.deployments(rendered)) {
            assertEquals(registry + GROUP + "/" + d.getMetadata().getName() + ":" + VERSION,
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
            assertEquals(VERSION, d.getMetadata().getLabels().get("app.kubernetes.io/version"));
        }
    }

    @Test
    void composeTagsTheImagesItBuildsLikeTheBuild() throws Exception {
        JsonNode services = ComposeTest.compose().path("services");
        for (String service : Rendered.SERVICES) {
            assertEquals(GROUP + "/" + service + ":" + VERSION, services.path(service).path("image").asText(), service);
        }
    }

    private static boolean dependsOn(Path pom, String groupId, String artifactId) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList dependencies = doc.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            if (groupId.equals(text(d, "groupId")) && artifactId.equals(text(d, "artifactId"))) {
                return true;
            }
        }
        return false;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
