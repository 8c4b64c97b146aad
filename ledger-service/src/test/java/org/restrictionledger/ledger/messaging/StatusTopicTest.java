package org.restrictionledger.ledger.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.ledger.store.EventStore;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code restrictions.status.v1}, read from offset 0 as a partner bootstrapping the world would: one record per event,
 * in version order per stream, each the fold of the stream up to that event, naming the event; the last one per key
 * is the stream's current status.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class StatusTopicTest {

    private static final List<Source> SOURCES = List.of(new Source("https://example.org/story", "Example News", null));

    @Inject
    CommandHandler handler;

    @Inject
    EventStore store;

    @Test
    void everyEventIsFollowedByTheStreamsStatusAndTheLastOneIsTheCurrentStatus() {
        StreamId first = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
        StreamId second = new StreamId("KZ", "p-" + UUID.randomUUID().toString().substring(0, 8));
        handler.handle(new ImposeRestriction(UUID.randomUUID(), first, Measure.FEATURE_LIMIT, List.of("voice_calls"),
                "Roskomnadzor", null, "reason", Effective.day(LocalDate.of(2026, 1, 10)), SOURCES, Instant.now()));
        handler.handle(new ImposeRestriction(UUID.randomUUID(), second, Measure.THROTTLING, List.of(), null, null,
                null, Effective.day(LocalDate.of(2026, 1, 11)), SOURCES, Instant.now()));
        handler.handle(new ImposeRestriction(UUID.randomUUID(), first, Measure.FULL_BLOCK, List.of(), "Roskomnadzor",
                null, "reason", Effective.day(LocalDate.of(2026, 2, 12)), SOURCES, Instant.now()));
        handler.handle(new ImposeFine(UUID.randomUUID(), first, new BigDecimal("4000000.00"), "RUB", "court", null,
                null, Effective.day(LocalDate.of(2026, 2, 20)), SOURCES, Instant.now()));
        // A rejected command changes nothing, so it publishes no status.
        handler.handle(new LiftRestriction(UUID.randomUUID(), first, Measure.THROTTLING, null, null, null,
                Effective.day(LocalDate.of(2026, 3, 1)), SOURCES, Instant.now()));

        List<ConsumerRecord<String, String>> statuses = KafkaTestClient.await(Topics.STATUS, 4,
                r -> r.key().equals(first.toString()) || r.key().equals(second.toString()));
        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(Topics.EVENTS, 4,
                r -> r.key().equals(first.toString()) || r.key().equals(second.toString()));
        assertEquals(4, statuses.size());

        Map<String, String> eventIdByStreamVersion = new HashMap<>();
        events.forEach(e -> eventIdByStreamVersion.put(e.key() + "@" + KafkaTestClient.header(e,
                CloudEvents.HEADER_STREAM_VERSION), KafkaTestClient.header(e, CloudEvents.HEADER_ID)));
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : statuses) {
            JsonNode status = Json.tree(record.value());
            assertEquals(List.of(), EventSchemas.validate(EventSchemas.STATUS, status), record.value());
            assertEquals(record.key(), status.path("stream").asText());
            long version = status.path("version").asLong();
            JsonNode before = latest.put(record.key(), status);
            assertEquals(before == null ? 1 : before.path("version").asLong() + 1, version, "in order, never back");
            assertEquals(eventIdByStreamVersion.get(record.key() + "@" + version), status.path("eventId").asText());
        }

        for (StreamId stream : List.of(first, second)) {
            List<RecordedEvent> stored = store.stream(stream);
            ObjectNode expected = Json.mapper().valueToTree(StatusFold.fold(stream, stored));
            expected.put("eventId", stored.get(stored.size() - 1).eventId().toString());
            assertEquals(Json.tree(Json.write(expected)), latest.get(stream.toString()));
        }
        assertEquals("BLOCKED", latest.get(first.toString()).path("status").asText());
        assertEquals(1, latest.get(first.toString()).path("fineSummary").path("count").asInt());
        assertEquals("THROTTLED", latest.get(second.toString()).path("status").asText());
        assertTrue(latest.get(first.toString()).path("restrictedFeatures").toString().contains("voice_calls"));
    }
}
