package org.restrictionledger.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.Topics;
import org.restrictionledger.testsupport.KafkaTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Graceful shutdown: the ledger is stopped (SIGTERM) while a batch is flowing through it and started again. Every
 * report ends ACCEPTED and every fact is one event: nothing lost, nothing duplicated.
 */
class ShutdownIT {

    private static final int REPORTS = 200;

    @Test
    void stoppingTheLedgerMidStreamLosesAndDuplicatesNothing() {
        RunningProduct product = RunningProduct.get();
        String batch = IntStream.range(0, REPORTS).mapToObj(i -> """
                {"type": "restriction.imposed", "country": "Tajikistan", "platform": "shutdown-%d",
                 "measure": "FULL_BLOCK", "effective": "2025-12", "sources": [{"publisher": "Example News"}]}"""
                .formatted(i)).collect(Collectors.joining(",", "[", "]"));
        JsonPath submitted = given().baseUri(product.url(RunningProduct.Service.INGEST)).contentType("application/json")
                .body(batch).when().post("/api/v1/reports/batch")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(REPORTS, submitted.getInt("submitted"));
        List<String> locations = submitted.getList("items.location");

        product.restart(RunningProduct.Service.LEDGER, () -> { });

        String ingest = product.url(RunningProduct.Service.INGEST);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> locations.stream()
                .allMatch(l -> "ACCEPTED".equals(given().baseUri(ingest).when().get(l).then().extract().path("status"))));

        // Records are counted by event id: a relay that re-publishes after a crash repeats an event, it does not
        // make a second one (and the projection applies it once).
        Map<String, Long> eventsPerStream = KafkaTestClient.readAll(Topics.EVENTS).stream()
                .filter(r -> r.key().startsWith("TJ/shutdown-"))
                .collect(Collectors.groupingBy(r -> r.key(), Collectors.mapping(
                        r -> KafkaTestClient.header(r, CloudEvents.HEADER_ID), Collectors.collectingAndThen(
                                Collectors.toSet(), set -> (long) set.size()))));
        assertEquals(REPORTS, eventsPerStream.size(), "a report was lost");
        assertEquals(Map.of(), eventsPerStream.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "a fact became two events");
    }
}
