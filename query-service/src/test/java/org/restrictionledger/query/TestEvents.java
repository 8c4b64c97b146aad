package org.restrictionledger.query;

import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.testsupport.KafkaTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Publishes events to the real {@code restrictions.events.v1} as the ledger would (chained, CloudEvents headers),
 * each test in a country of its own so that country-wide answers are exact.
 */
public final class TestEvents {

    private static final String[] COUNTRIES = Locale.getISOCountries();
    private static final AtomicInteger NEXT = new AtomicInteger(COUNTRIES.length / 3);

    public final String country = COUNTRIES[NEXT.getAndIncrement()];
    private final Map<StreamId, RecordedEvent> last = new HashMap<>();

    /** A restriction imposed on a day, by "Regulator", as one source reports it. */
    public static RestrictionImposed imposed(Measure measure, LocalDate day) {
        return new RestrictionImposed(measure, List.of(), "Regulator", null, "reason", Effective.day(day),
                List.of(new Source(null, "Example News", null)));
    }

    public StreamId stream(String platform) {
        return new StreamId(country, platform);
    }

    public RecordedEvent publish(String platform, LedgerEvent event) {
        RecordedEvent recorded = next(platform, event);
        send(recorded);
        return recorded;
    }

    /** Each platform's stream gets the event next, all sent with one producer. */
    public List<RecordedEvent> publishToEach(List<String> platforms, LedgerEvent event) {
        List<RecordedEvent> recorded = platforms.stream().map(platform -> next(platform, event)).toList();
        KafkaTestClient.sendAll(Topics.EVENTS, recorded.stream().map(TestEvents::outgoing).toList());
        return recorded;
    }

    /** The stream's next event, sealed and remembered as its last. */
    private RecordedEvent next(String platform, LedgerEvent event) {
        StreamId stream = stream(platform);
        RecordedEvent previous = last.get(stream);
        long version = previous == null ? 1 : previous.streamVersion() + 1;
        RecordedEvent recorded = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), stream, version, version,
                Instant.now().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID(),
                previous == null ? EventHashing.GENESIS : previous.hash(), null, event));
        last.put(stream, recorded);
        return recorded;
    }

    public static void send(RecordedEvent event) {
        KafkaTestClient.sendAll(Topics.EVENTS, List.of(outgoing(event)));
    }

    private static KafkaTestClient.Outgoing outgoing(RecordedEvent event) {
        return new KafkaTestClient.Outgoing(event.stream().toString(), EventCodec.encode(event), Map.of(
                CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION,
                CloudEvents.HEADER_ID, event.eventId().toString(),
                CloudEvents.HEADER_TYPE, event.cloudEventType(),
                CloudEvents.HEADER_SOURCE, "/test",
                CloudEvents.HEADER_SUBJECT, event.stream().toString(),
                CloudEvents.HEADER_TIME, event.recordedAt().toString(),
                CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.CONTENT_TYPE_JSON));
    }

    public void awaitVersion(String platform, long version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/api/v1/countries/" + country + "/platforms/" + platform)
                .then().statusCode(200).body("version", equalTo((int) version)));
    }
}
