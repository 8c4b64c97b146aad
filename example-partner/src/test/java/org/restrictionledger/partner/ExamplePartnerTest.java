package org.restrictionledger.partner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.TestInfrastructure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example partner against a real broker: events already on {@code restrictions.events.v1} when it starts, and
 * more while it follows. Intact chains, a redelivered record, an additive change, a type it does not know and a
 * tampered event, each as a partner meets them.
 */
class ExamplePartnerTest {

    private static final List<Source> SOURCES = List.of(new Source("https://example.org/story", "Example News", null));
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private long position = 1;

    private static StreamId stream(String country) {
        return new StreamId(country, "p-" + SUFFIX);
    }

    private RecordedEvent next(StreamId stream, RecordedEvent previous, LedgerEvent event) {
        return EventHashing.seal(new RecordedEvent(UUID.randomUUID(), stream,
                previous == null ? 1 : previous.streamVersion() + 1, position++,
                Instant.parse("2026-02-12T10:00:00Z").plusSeconds(position), UUID.randomUUID(),
                previous == null ? EventHashing.GENESIS : previous.hash(), null, event));
    }

    private static void publish(String key, String value, String type) {
        KafkaTestClient.send(Topics.EVENTS, key, value, Map.of(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION,
                CloudEvents.HEADER_ID, EventHashing.received(value).path("eventId").asText(),
                CloudEvents.HEADER_TYPE, CloudEvents.TYPE_PREFIX + type + CloudEvents.TYPE_SUFFIX,
                CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON));
    }

    private static void publish(RecordedEvent event) {
        publish(event.stream().toString(), EventCodec.encode(event), event.event().type());
    }

    private static RestrictionImposed imposed(Measure measure, String... features) {
        return new RestrictionImposed(measure, List.of(features), "Roskomnadzor", LegalBasis.OTHER, "reason",
                Effective.day(LocalDate.of(2026, 1, 10)), SOURCES);
    }

    @Test
    void readsFromTheStartVerifiesEveryChainAndPrintsEachChange() throws Exception {
        StreamId russia = stream("RU");
        RecordedEvent limit = next(russia, null, imposed(Measure.FEATURE_LIMIT, "voice_calls"));
        RecordedEvent block = next(russia, limit, imposed(Measure.FULL_BLOCK));
        publish(limit);
        publish(block);
        publish(block); // a producer's retry: the same record again

        // Tampered on its way: the lift's measure was changed after it was hashed.
        StreamId iran = stream("IR");
        RecordedEvent ban = next(iran, null, imposed(Measure.FULL_BLOCK));
        RecordedEvent lift = next(iran, ban, new RestrictionLifted(ban.eventId(), Measure.FULL_BLOCK, null, null,
                Effective.day(LocalDate.of(2026, 2, 1)), SOURCES));
        ObjectNode tampered = (ObjectNode) Json.tree(EventCodec.encode(lift));
        ((ObjectNode) tampered.path("event")).put("measure", "THROTTLING");
        publish(ban);
        publish(iran.toString(), Json.write(tampered), "restriction.lifted");

        // A newer v1 added an event type this client does not know: verified, skipped, and the chain goes on.
        StreamId china = stream("CN");
        RecordedEvent known = next(china, null, imposed(Measure.THROTTLING));
        ObjectNode unknown = (ObjectNode) Json.tree(EventCodec.encode(known));
        unknown.put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) unknown.path("event")).removeAll().put("type", "platform.renamed").put("to", "p-new")
                .set("effective", Json.mapper().valueToTree(Effective.day(LocalDate.of(2026, 1, 1))));
        unknown.put("hash", EventHashing.hashOf(unknown));
        publish(china.toString(), Json.write(unknown), "platform.renamed");
        RecordedEvent throttled = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), china, 2, position++,
                Instant.parse("2026-02-13T10:00:00Z"), UUID.randomUUID(), unknown.path("hash").asText(), null,
                imposed(Measure.THROTTLING)));
        publish(throttled);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (ExamplePartner partner = new ExamplePartner(TestInfrastructure.kafkaBootstrapServers(), out)) {
            thread.submit(partner::run);
            await().atMost(Duration.ofSeconds(120)).until(() -> bytes.toString(StandardCharsets.UTF_8),
                    containsString("caught up: "));

            assertEquals(Status.BLOCKED, partner.book().status(russia).orElseThrow().status());
            assertEquals(2, partner.book().status(russia).orElseThrow().version());
            assertEquals(Status.BLOCKED, partner.book().status(iran).orElseThrow().status(),
                    "nothing after the broken link counts");
            assertEquals(Status.THROTTLED, partner.book().status(china).orElseThrow().status());
            assertEquals(Set.of(iran.toString()), partner.book().broken().keySet().stream()
                    .filter(k -> k.endsWith(SUFFIX)).collect(Collectors.toSet()));

            // Following: a lift that carries a member this client does not know, hashed by its producer.
            RecordedEvent liftBlock = next(russia, block, new RestrictionLifted(block.eventId(), Measure.FULL_BLOCK,
                    null, null, Effective.day(LocalDate.of(2026, 3, 1)), SOURCES));
            ObjectNode extended = (ObjectNode) Json.tree(EventCodec.encode(liftBlock));
            extended.put("region", "nationwide");
            extended.put("hash", EventHashing.hashOf(extended));
            publish(russia.toString(), Json.write(extended), "restriction.lifted");
            await().atMost(Duration.ofSeconds(60)).until(() -> bytes.toString(StandardCharsets.UTF_8),
                    containsString(russia + " RESTRICTED [voice_calls] (was BLOCKED) v3 restriction.lifted"));
        } finally {
            thread.shutdown();
        }

        String printed = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = printed.lines().toList();
        assertTrue(lines.contains(russia + " RESTRICTED [voice_calls] (was OPEN) v1 restriction.imposed " + limit.eventId()),
                printed);
        assertTrue(lines.contains(russia + " BLOCKED [voice_calls] (was RESTRICTED) v2 restriction.imposed "
                + block.eventId()), printed);
        assertEquals(1, lines.stream().filter(l -> l.contains(block.eventId().toString())).count(),
                "the redelivered record changes nothing");
        assertTrue(lines.contains(iran + " CHAIN BROKEN at v2 (event " + lift.eventId()
                + "): content does not match its hash: the event was altered; expected "
                + EventHashing.hashOf(tampered) + ", found " + lift.hash() + "; nothing after it is trusted"), printed);
        assertTrue(lines.contains(china + " v1 verified, type 'platform.renamed' not known to this client: skipped"),
                printed);
        assertTrue(lines.contains(china + " THROTTLED (was OPEN) v2 restriction.imposed " + throttled.eventId()),
                printed);
        assertFalse(printed.contains(china + " CHAIN BROKEN"), printed);
    }
}
