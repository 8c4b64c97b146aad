package org.restrictionledger.e2e;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.testsupport.KafkaTestClient;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.restrictionledger.e2e.Reports.submitAndAwait;

/**
 * What a dashboard reads, through the packaged services: fines of any size exactly, time travel before a stream's
 * first fact, corrections next to what they correct. Owns Tonga (TO), Fiji (FJ) and the Solomon Islands (SB).
 */
class DashboardFactsIT {

    /** 10^40 + 0.25: beyond a long, a 128-bit integer and a double. */
    private static final String HUGE = "1" + "0".repeat(39) + "0.25";
    /** 10^40 + 0.50. */
    private static final String OTHER = "1" + "0".repeat(39) + "0.50";
    private static final String SUM = "2" + "0".repeat(39) + "0.75";

    private final RunningProduct product = RunningProduct.get();

    private String query() {
        return product.url(RunningProduct.Service.QUERY);
    }

    @Test
    void aFineBeyondEveryMachineIntegerRoundTripsExactly() {
        // One as a JSON number, one as a string: both exact.
        String first = submitAndAwait("""
                {"type": "fine.imposed", "country": "Tonga", "platform": "VK", "amount": %s, "currency": "RUB",
                 "authority": "Court", "effective": "2025-03-01", "sources": [{"publisher": "Example News"}]}
                """.formatted(HUGE), "ACCEPTED").extract().path("eventIds[0]");
        submitAndAwait("""
                {"type": "fine.imposed", "country": "Tonga", "platform": "VK", "amount": "%s", "currency": "RUB",
                 "authority": "Court", "effective": "2025-04-01", "sources": [{"publisher": "Example News"}]}
                """.formatted(OTHER), "ACCEPTED");

        given().baseUri(product.url(RunningProduct.Service.LEDGER)).when().get("/api/v1/streams/TO/vk")
                .then().statusCode(200).body("events[0].event.amount", equalTo(HUGE))
                .body("events[1].event.amount", equalTo(OTHER));
        given().baseUri(product.url(RunningProduct.Service.LEDGER)).when().get("/api/v1/streams/TO/vk/verify")
                .then().statusCode(200).body("valid", equalTo(true));
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.EVENTS, 1,
                r -> first.equals(KafkaTestClient.header(r, CloudEvents.HEADER_ID))).get(0);
        assertEquals(HUGE, Json.tree(record.value()).path("event").path("amount").asText());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query())
                .when().get("/api/v1/countries/TO/platforms/vk").then().statusCode(200)
                .body("fineSummary.totals[0].amount", equalTo(SUM)));
        given().baseUri(query()).queryParam("country", "TO").when().get("/api/v1/fines").then().statusCode(200)
                .body("fines.amount.amount", equalTo(List.of(HUGE, OTHER)))
                .body("totals[0].amount", equalTo(SUM))
                .body("outstanding[0].amount", equalTo(SUM));
        String csv = given().baseUri(query()).queryParam("country", "TO").queryParam("format", "csv")
                .when().get("/api/v1/fines").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("," + HUGE + ",RUB,") && csv.contains("," + OTHER + ",RUB,"), csv);

        // Beyond the documented bound (100 digits before the point) a report is a problem naming the field.
        given().baseUri(product.url(RunningProduct.Service.INGEST)).contentType("application/json").body("""
                {"type": "fine.imposed", "country": "Tonga", "platform": "VK", "amount": "1%s", "currency": "RUB",
                 "effective": "2025-04-01", "sources": [{"publisher": "Example News"}]}""".formatted("0".repeat(100)))
                .when().post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
    }

    @Test
    void beforeItsFirstFactAStreamIsOpenAndNeverRecordedIsNotFound() {
        submitAndAwait("""
                {"type": "restriction.imposed", "country": "Fiji", "platform": "Telegram", "measure": "FULL_BLOCK",
                 "effective": "2025-06", "sources": [{"publisher": "Example News"}]}""", "ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query())
                .when().get("/api/v1/countries/FJ/platforms/telegram").then().statusCode(200)
                .body("status", equalTo("BLOCKED")));
        given().baseUri(query()).queryParam("asOf", "2024-01-01").when().get("/api/v1/countries/FJ/platforms/telegram")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("activeMeasures.size()", equalTo(0))
                .body("firstFact.date", equalTo("2025-06-01"));
        given().baseUri(query()).queryParam("knownAt", "2020-01-01T00:00:00Z").when().get("/api/v1/countries/FJ/platforms/telegram")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("firstFact", nullValue());
        given().baseUri(query()).queryParam("asOf", "2024-01-01").when().get("/api/v1/countries/FJ/platforms")
                .then().statusCode(200).body("platforms.stream", equalTo(List.of("FJ/telegram")));
        given().baseUri(query()).queryParam("asOf", "2024-01-01").when().get("/api/v1/countries/FJ/platforms/signal")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCorrectionReportedLaterSitsNextToWhatItCorrects() {
        String original = submitAndAwait("""
                {"type": "restriction.imposed", "country": "Solomon Islands", "platform": "Facebook", "measure": "FULL_BLOCK",
                 "effective": "2023-05-02", "sources": [{"publisher": "Example News"}]}""", "ACCEPTED")
                .extract().path("eventIds[0]");
        submitAndAwait("""
                {"type": "restriction.imposed", "country": "Solomon Islands", "platform": "Facebook", "measure": "THROTTLING",
                 "effective": "2024-01-01", "sources": [{"publisher": "Example News"}]}""", "ACCEPTED");
        // No effective date: the correction's own date is the day it was reported.
        String correction = submitAndAwait("""
                {"type": "record.corrected", "country": "Solomon Islands", "platform": "Facebook", "targetEventId": "%s",
                 "action": "RETRACT", "reason": "misreported", "sources": [{"publisher": "Example News"}]}"""
                .formatted(original), "ACCEPTED").extract().path("eventIds[0]");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query())
                .when().get("/api/v1/countries/SB/platforms/facebook").then().statusCode(200).body("version", equalTo(3)));

        JsonPath timeline = given().baseUri(query()).when().get("/api/v1/countries/SB/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("restriction.imposed", "record.corrected", "restriction.imposed"), timeline.getList("items.type"));
        assertEquals(correction, timeline.getString("items[1].eventId"));
        assertEquals("2023-05-02", timeline.getString("items[1].effective.date"));
        assertTrue(timeline.getString("items[1].event.effective.date").compareTo("2026") >= 0, "its own date stays");
        given().baseUri(query()).queryParam("country", "SB").queryParam("groupBy", "year").when().get("/api/v1/stats")
                .then().statusCode(200).body("periods.period", equalTo(List.of("2024")));
    }
}
