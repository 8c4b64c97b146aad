package org.restrictionledger.ledger.messaging;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands in on the real broker; events, outcomes and the event store out. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class LedgerFlowTest {

    @TestHTTPResource(value = "health/live", management = true)
    java.net.URL live;

    private static final List<Source> SOURCES = List.of(new Source("https://example.org/story", "Example News", null));

    private static StreamId uniqueStream() {
        return new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static ImposeRestriction block(StreamId stream) {
        return new ImposeRestriction(UUID.randomUUID(), stream, Measure.FULL_BLOCK, List.of(), "Kremlin", null,
                "non-compliance with Russian law", Effective.day(LocalDate.of(2026, 2, 12)), SOURCES, Instant.now());
    }

    private static LiftRestriction liftBlock(StreamId stream) {
        return new LiftRestriction(UUID.randomUUID(), stream, Measure.FULL_BLOCK, null, null, null,
                Effective.day(LocalDate.of(2026, 3, 1)), SOURCES, Instant.now());
    }

    private static void send(LedgerCommand command) {
        KafkaTestClient.send(Topics.COMMANDS, command.stream().toString(), Json.write(command), Map.of());
    }

    private static CommandOutcome outcomeOf(LedgerCommand command) {
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.OUTCOMES, 1,
                r -> r.value().contains(command.commandId().toString())).get(0);
        assertEquals(command.stream().toString(), record.key());
        return Json.read(record.value(), CommandOutcome.class);
    }

    private static List<ConsumerRecord<String, String>> eventsOf(StreamId stream, int count) {
        return KafkaTestClient.await(Topics.EVENTS, count, r -> stream.toString().equals(r.key()));
    }

    @Test
    void anAcceptedCommandBecomesACloudEventAndAnOutcome() {
        StreamId stream = uniqueStream();
        ImposeRestriction command = block(stream);
        send(command);

        CommandOutcome outcome = outcomeOf(command);
        assertEquals(CommandOutcome.Decision.ACCEPTED, outcome.decision());
        assertEquals(1, outcome.streamVersion());

        ConsumerRecord<String, String> record = eventsOf(stream, 1).get(0);
        RecordedEvent event = EventCodec.decode(record.value());
        assertEquals(outcome.eventIds(), List.of(event.eventId()));
        assertEquals("1.0", KafkaTestClient.header(record, CloudEvents.HEADER_SPEC_VERSION));
        assertEquals(event.eventId().toString(), KafkaTestClient.header(record, CloudEvents.HEADER_ID));
        assertEquals("org.restrictionledger.restriction.imposed.v1", KafkaTestClient.header(record, CloudEvents.HEADER_TYPE));
        assertEquals(stream.toString(), KafkaTestClient.header(record, CloudEvents.HEADER_SUBJECT));
        assertEquals("/restriction-ledger/ledger-service", KafkaTestClient.header(record, CloudEvents.HEADER_SOURCE));
        assertEquals(event.recordedAt(), Instant.parse(KafkaTestClient.header(record, CloudEvents.HEADER_TIME)));
        assertEquals("application/json", KafkaTestClient.header(record, CloudEvents.HEADER_CONTENT_TYPE));
        assertEquals(EventHashing.GENESIS, event.prevHash());
        assertEquals(EventHashing.hashOf(event), event.hash());
        RestrictionImposed imposed = assertInstanceOf(RestrictionImposed.class, event.event());
        assertEquals(Measure.FULL_BLOCK, imposed.measure());
    }

    @Test
    void liftingWhatIsNotActiveIsRejectedAndLiftingWhatIsChainsToIt() {
        StreamId stream = uniqueStream();
        LiftRestriction tooEarly = liftBlock(stream);
        send(tooEarly);
        CommandOutcome rejected = outcomeOf(tooEarly);
        assertEquals(CommandOutcome.Decision.REJECTED, rejected.decision());
        assertEquals("cannot lift: there is no FULL_BLOCK restriction active on " + stream, rejected.reason());

        ImposeRestriction block = block(stream);
        send(block);
        LiftRestriction lift = liftBlock(stream);
        send(lift);
        assertEquals(CommandOutcome.Decision.ACCEPTED, outcomeOf(lift).decision());

        List<RecordedEvent> events = eventsOf(stream, 2).stream().map(r -> EventCodec.decode(r.value())).toList();
        assertEquals(List.of(1L, 2L), events.stream().map(RecordedEvent::streamVersion).toList());
        assertEquals(events.get(0).hash(), events.get(1).prevHash());
        RestrictionLifted lifted = assertInstanceOf(RestrictionLifted.class, events.get(1).event());
        assertEquals(events.get(0).eventId(), lifted.restrictionId());

        given().when().get("/api/v1/streams/" + stream)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("events", hasSize(2))
                .body("events[1].prevHash", equalTo(events.get(0).hash()));
    }

    @Test
    void aRedeliveredCommandProducesOneEvent() {
        StreamId stream = uniqueStream();
        ImposeRestriction command = block(stream);
        send(command);
        send(command);
        // A later command on the same partition proves the duplicate was consumed before we count.
        ImposeRestriction after = new ImposeRestriction(UUID.randomUUID(), stream, Measure.THROTTLING, List.of(), null,
                null, null, Effective.day(LocalDate.of(2026, 2, 13)), SOURCES, Instant.now());
        send(after);
        outcomeOf(after);
        eventsOf(stream, 2);

        List<String> types = KafkaTestClient.readAll(Topics.EVENTS).stream()
                .filter(r -> stream.toString().equals(r.key()))
                .map(r -> KafkaTestClient.header(r, CloudEvents.HEADER_TYPE)).toList();
        assertEquals(2, types.size(), types.toString());
        assertEquals(1, KafkaTestClient.readAll(Topics.OUTCOMES).stream()
                .filter(r -> r.value().contains(command.commandId().toString())).count());
    }

    @Test
    void aPoisonCommandGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String marker = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.COMMANDS, "RU/x", "{\"kind\": \"restriction.nuke\", \"id\": \"" + marker + "\"}", Map.of());
        KafkaTestClient.await(Topics.deadLetter(Topics.COMMANDS, "ledger-service"), 1, r -> r.value().contains(marker));

        ImposeRestriction next = block(uniqueStream());
        send(next);
        assertEquals(CommandOutcome.Decision.ACCEPTED, outcomeOf(next).decision());
    }

    @Test
    void aPoisonCommandKeepsItsHeadersAndSaysWhyAndWhereFromInTheDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.COMMANDS, "RU/y", "not json " + marker, Map.of("x-submitted-by", "partner-7",
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.deadLetter(Topics.COMMANDS, "ledger-service"),
                1, r -> r.value().contains(marker)).get(0);
        assertEquals("RU/y", dead.key());
        assertEquals("partner-7", KafkaTestClient.header(dead, "x-submitted-by"));
        // The dead-letter write continues the record's trace (a span of its own in the same trace).
        assertTrue(KafkaTestClient.header(dead, "traceparent").startsWith("00-0af7651916cd43dd8448eb211c80319c-"));
        assertEquals(Topics.COMMANDS, KafkaTestClient.header(dead, "dead-letter-topic"));
        assertNotNull(KafkaTestClient.header(dead, "dead-letter-partition"));
        assertNotNull(KafkaTestClient.header(dead, "dead-letter-offset"));
        assertNotNull(KafkaTestClient.header(dead, "dead-letter-reason"));
    }

    /** What an older, buggier ledger dead-lettered comes back after the fix: decided once, however often re-driven. */
    @Test
    void deadLetteredCommandsAreRedrivenToTheirTopicAndDecidedExactlyOnce() {
        ImposeRestriction command = block(uniqueStream());
        KafkaTestClient.send(Topics.deadLetter(Topics.COMMANDS, "ledger-service"), command.stream().toString(),
                Json.write(command), Map.of("dead-letter-topic", Topics.COMMANDS, "dead-letter-reason", "an old bug"));
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/admin/dlq").then().statusCode(200)
                .body("find { it.topic == '" + Topics.deadLetter(Topics.COMMANDS, "ledger-service") + "' }.waiting",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/dlq/redrive").then().statusCode(200)
                .body("[0].republished", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        assertEquals(CommandOutcome.Decision.ACCEPTED, outcomeOf(command).decision());
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/dlq/redrive").then().statusCode(200).body("[0].republished", equalTo(0));
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/admin/dlq").then().statusCode(200).body("[0].waiting", equalTo(0));

        ImposeRestriction after = new ImposeRestriction(UUID.randomUUID(), command.stream(), Measure.THROTTLING,
                List.of(), null, null, null, Effective.day(LocalDate.of(2026, 2, 13)), SOURCES, Instant.now());
        send(after);
        assertEquals(2, outcomeOf(after).streamVersion());
        assertEquals(1, KafkaTestClient.readAll(Topics.OUTCOMES).stream()
                .filter(r -> r.value().contains(command.commandId().toString())).count());
    }

    /**
     * Values the database cannot store (U+0000 in text, a date before 4713 BC) fail the same way on every attempt:
     * the command is REJECTED as unprocessable, nothing is appended, and the next command of the partition goes on.
     */
    @Test
    void aCommandTheDatabaseRefusesIsRejectedAsUnprocessableAndTheStreamGoesOn() {
        StreamId stream = uniqueStream();
        ImposeRestriction nul = new ImposeRestriction(UUID.randomUUID(), stream, Measure.FULL_BLOCK, List.of(),
                "Kremlin", null, "a\u0000b", Effective.day(LocalDate.of(2026, 2, 12)), SOURCES, Instant.now());
        ImposeRestriction ancient = new ImposeRestriction(UUID.randomUUID(), stream, Measure.THROTTLING, List.of(),
                "Kremlin", null, "too old", Effective.day(LocalDate.of(-5000, 1, 1)), SOURCES, Instant.now());
        ImposeRestriction fine = block(stream);
        send(nul);
        send(ancient);
        send(fine);

        for (ImposeRestriction poison : List.of(nul, ancient)) {
            CommandOutcome outcome = outcomeOf(poison);
            assertEquals(CommandOutcome.Decision.REJECTED, outcome.decision());
            assertTrue(outcome.reason().startsWith("unprocessable: "), outcome.reason());
            assertFalse(outcome.reason().contains("\u0000"), outcome.reason());
        }
        CommandOutcome accepted = outcomeOf(fine);
        assertEquals(CommandOutcome.Decision.ACCEPTED, accepted.decision());
        assertEquals(1, accepted.streamVersion());
        given().when().get("/api/v1/streams/" + stream).then().statusCode(200).body("events", hasSize(1));
        given().when().get(live.toString()).then().statusCode(200);
    }

    @Test
    void anUnknownStreamListsNoEventsAndAnUnknownCountryIs404() {
        given().when().get("/api/v1/streams/RU/" + uniqueStream().platform())
                .then().statusCode(200).body("version", equalTo(0)).body("events", hasSize(0));
        given().when().get("/api/v1/streams/Narnia/whatsapp")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
