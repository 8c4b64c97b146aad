package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.restrictionledger.events.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test vectors of {@code docs/hashing.md}, shipped in this jar under {@code org/restrictionledger/events/hashing/}:
 * another implementation is checked against the same files.
 */
class HashingVectorsTest {

    private static final String ROOT = "org/restrictionledger/events/hashing/";

    static String resource(String path) {
        try (InputStream in = HashingVectorsTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> vectors() {
        return StreamSupport.stream(Json.tree(resource(ROOT + "vectors.json")).path("vectors").spliterator(), false)
                .toList();
    }

    @TestFactory
    List<DynamicTest> everyVectorGivesItsCanonicalBytesAndHash() {
        return vectors().stream().map(vector -> DynamicTest.dynamicTest(vector.path("name").asText(), () -> {
            String input = resource(ROOT + vector.path("input").asText());
            byte[] expected = vector.path("canonical").asText().getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, EventHashing.canonicalBytes(input),
                    () -> new String(EventHashing.canonicalBytes(input), StandardCharsets.UTF_8));
            assertEquals(vector.path("hash").asText(), EventHashing.hashOf(input));
            assertEquals(vector.path("hash").asText(), EventHashing.received(input).path("hash").asText(),
                    "the input carries its own hash");
            assertTrue(vector.path("hash").asText().matches("[0-9a-f]{64}"));
        })).toList();
    }

    @Test
    void thereAreVectorsForEachRuleOfTheSpec() {
        assertEquals(List.of("01-first-event", "02-second-event", "03-unicode-and-escapes", "04-unknown-members",
                "05-numbers"), vectors().stream().map(v -> v.path("name").asText()).toList());
        assertEquals(EventHashing.GENESIS, Json.tree(resource(ROOT + "vectors.json")).path("genesis").asText());
    }

    @Test
    void theFirstTwoVectorsAreAValidChainAndEveryEventVectorIsAValidV1Event() {
        List<String> chain = List.of(resource(ROOT + "vectors/01-first-event.json"),
                resource(ROOT + "vectors/02-second-event.json"));
        ChainVerifier.Verification verification = ChainVerifier.verifyReceived(StreamId.parse("RU/whatsapp"), chain);
        assertTrue(verification.valid(), verification::toString);
        assertEquals(2, verification.checked());

        for (JsonNode vector : vectors()) {
            String input = resource(ROOT + vector.path("input").asText());
            assertEquals(List.of(), EventSchemas.validate(Json.tree(input)), vector.path("name").asText());
            RecordedEvent decoded = EventCodec.decode(input);
            if (decoded.streamVersion() == 1) {
                assertTrue(ChainVerifier.verifyReceived(decoded.stream(), List.of(input)).valid(),
                        vector.path("name").asText());
            }
        }
    }
}
