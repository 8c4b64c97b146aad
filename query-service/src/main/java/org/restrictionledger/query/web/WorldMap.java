package org.restrictionledger.query.web;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shapes of the status page's world map, read once from {@code web/world-110m.tsv}: Natural Earth 1:110m
 * country outlines (public domain) from the world-atlas package, projected to SVG paths by
 * {@code src/main/map/generate-world.mjs}. Small states are not in that scale; the table lists them all.
 */
@ApplicationScoped
public class WorldMap {

    static final String RESOURCE = "web/world-110m.tsv";

    /** @param code ISO 3166-1 alpha-2, or {@code -} for a shape with no code (Kosovo, Northern Cyprus, Somaliland) */
    record Shape(String code, String name, String path) {
    }

    private final List<Shape> shapes = load();

    List<Shape> shapes() {
        return shapes;
    }

    private static List<Shape> load() {
        try (InputStream in = WorldMap.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t", 3))
                    .map(f -> new Shape(f[0], f[1], f[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
