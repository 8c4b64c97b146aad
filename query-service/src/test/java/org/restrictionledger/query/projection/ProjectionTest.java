package org.restrictionledger.query.projection;

import org.restrictionledger.query.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events in on the real broker, as the ledger publishes them; the read model and the API out. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ProjectionTest {

    @Inject
    MeterRegistry registry;

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final TestEvents events = new TestEvents();
    private final String country = events.country;
    private final StreamId whatsapp = events.stream("whatsapp");

    private RecordedEvent publish(StreamId stream, long version, LedgerEvent event) {
        RecordedEvent recorded = events.publish(stream.platform(), event);
        assertEquals(version, recorded.streamVersion());
        return recorded;
    }

    private static void send(RecordedEvent event) {
        TestEvents.send(event);
    }

    private static RestrictionImposed imposed(Measure measure, Effective effective, String... features) {
        return new RestrictionImposed(measure, List.of(features), "Roskomnadzor", null, "reason", effective, SOURCES);
    }

    private void awaitVersion(StreamId stream, int version) {
        events.awaitVersion(stream.platform(), version);
    }

    @Test
    void aBlockShowsAsBlockedWithItsMeasureAndSinceDate() {
        publish(whatsapp, 1, imposed(Measure.FEATURE_LIMIT, new Effective(LocalDate.of(2025, 1, 1), Precision.YEAR), "voice_calls"));
        publish(whatsapp, 2, imposed(Measure.FULL_BLOCK, Effective.day(LocalDate.of(2026, 2, 12))));
        awaitVersion(whatsapp, 2);

        given().when().get("/api/v1/countries/" + country.toLowerCase() + "/platforms")
                .then().statusCode(200)
                .body("country", equalTo(country))
                .body("platforms", hasSize(1))
                .body("platforms[0].stream", equalTo(whatsapp.toString()))
                .body("platforms[0].status", equalTo("BLOCKED"))
                .body("platforms[0].since.date", equalTo("2026-02-12"))
                .body("platforms[0].activeMeasures.measure", equalTo(List.of("FEATURE_LIMIT", "FULL_BLOCK")))
                .body("platforms[0].restrictedFeatures", equalTo(List.of("voice_calls")));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        RecordedEvent block = publish(whatsapp, 1, imposed(Measure.FULL_BLOCK, Effective.day(LocalDate.of(2026, 2, 12))));
        RecordedEvent lift = publish(whatsapp, 2, new RestrictionLifted(block.eventId(), Measure.FULL_BLOCK, null, null,
                Effective.day(LocalDate.of(2026, 3, 1)), SOURCES));
        awaitVersion(whatsapp, 2);
        String before = given().when().get("/api/v1/countries/" + country + "/platforms/whatsapp").then().extract().asString();

        send(block);
        send(lift);
        // A later event on the same stream (same partition) proves the redeliveries were consumed first.
        StreamId other = events.stream("telegram");
        publish(other, 1, imposed(Measure.THROTTLING, Effective.day(LocalDate.of(2026, 1, 1))));
        awaitVersion(other, 1);

        given().when().get("/api/v1/countries/" + country + "/platforms/whatsapp")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("version", equalTo(2))
                .body("since.date", equalTo("2026-03-01"));
        assertEquals(2L, ProjectedEvent.count("streamId", whatsapp.toString()));
        String after = given().when().get("/api/v1/countries/" + country + "/platforms/whatsapp").then().extract().asString();
        assertEquals(before, after, "the redelivery changed the projected status");
    }

    @Test
    void asOfAnswersWithTheEventsInEffectOnThatDay() {
        publish(whatsapp, 1, imposed(Measure.DOMAIN_DELISTING, new Effective(LocalDate.of(2025, 12, 1), Precision.MONTH)));
        publish(whatsapp, 2, imposed(Measure.FULL_BLOCK, Effective.day(LocalDate.of(2026, 2, 12))));
        awaitVersion(whatsapp, 2);

        given().when().get("/api/v1/countries/" + country + "/platforms?asOf=2026-01-15")
                .then().statusCode(200)
                .body("asOf", equalTo("2026-01-15"))
                .body("platforms[0].status", equalTo("RESTRICTED"));
        // Before its first fact the stream is listed, open then, saying when its first fact is.
        given().when().get("/api/v1/countries/" + country + "/platforms?asOf=2025-11-30")
                .then().statusCode(200).body("platforms", hasSize(1))
                .body("platforms[0].status", equalTo("OPEN"))
                .body("platforms[0].firstFact.date", equalTo("2025-12-01"));
        given().when().get("/api/v1/countries/" + country + "/platforms?asOf=yesterday")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String marker = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.EVENTS, whatsapp.toString(), "{\"eventId\": \"" + marker + "\"}",
                Map.of(CloudEvents.HEADER_TYPE, "org.restrictionledger.restriction.imposed.v1"));
        KafkaTestClient.await(Topics.deadLetter(Topics.EVENTS, "query-service"), 1, r -> r.value().contains(marker));

        publish(whatsapp, 1, imposed(Measure.THROTTLING, Effective.day(LocalDate.of(2026, 1, 1))));
        awaitVersion(whatsapp, 1);
    }

    @Test
    void unknownCountriesAndPlatformsAre404() {
        given().when().get("/api/v1/countries/Narnia/platforms")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/countries/" + country + "/platforms/never-reported")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eventsInValidTimeOrderNeverReadTheirStreamsHistoryAgain() {
        StreamId telegram = events.stream("telegram");
        double before = registry.counter("projection.history.reads").count();
        RecordedEvent imposed = null;
        for (int day = 1; day <= 6; day++) {
            // One event per batch: each batch finds the stream's status where the one before left it.
            LocalDate effective = LocalDate.of(2026, 1, day);
            RecordedEvent recorded = publish(telegram, day, day % 2 == 1 ? TestEvents.imposed(Measure.THROTTLING, effective)
                    : new RestrictionLifted(imposed.eventId(), Measure.THROTTLING, null, "lifted", Effective.day(effective), SOURCES));
            imposed = day % 2 == 1 ? recorded : imposed;
            awaitVersion(telegram, day);
        }
        assertEquals(before, registry.counter("projection.history.reads").count());
    }
}
