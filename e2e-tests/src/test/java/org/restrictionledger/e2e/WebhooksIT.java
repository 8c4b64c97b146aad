package org.restrictionledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.testsupport.TestTokens;
import org.restrictionledger.testsupport.WebhookReceiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks through the packaged services: reports in at ingest, deliveries out of the query service to a real HTTP
 * receiver. The receiver is down (503) while the changes are projected, the query service is stopped and started
 * again with every delivery still owed, and afterwards each change arrives, signed, in order per stream: nothing is
 * lost across the restart. Samoa (WS) is this test's country.
 */
class WebhooksIT {

    private static final String[] MEASURES = {"THROTTLING", "FULL_BLOCK", "DOMAIN_DELISTING", "APP_STORE_REMOVAL", "OTHER"};
    private static final int PLATFORMS = 4;

    @Test
    void everyChangeArrivesInOrderPerStreamAcrossARestartOfTheQueryService() throws Exception {
        RunningProduct product = RunningProduct.get();
        String query = product.url(RunningProduct.Service.QUERY);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer("/samoa", nth -> 503);
            JsonPath hook = given().baseUri(query).auth().oauth2(TestTokens.operator()).contentType("application/json")
                    .body("{\"url\": \"" + receiver.url("/samoa") + "\", \"countries\": [\"Samoa\"]}")
                    .when().post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath();

            // Per platform, five measures one after another: versions 1..5 of each stream, in the batch's order.
            String batch = IntStream.range(0, MEASURES.length).boxed().flatMap(m -> IntStream.range(0, PLATFORMS)
                    .mapToObj(p -> """
                            {"type": "restriction.imposed", "country": "Samoa", "platform": "hook-%d", "measure": "%s",
                             "effective": "2025-%02d", "sources": [{"publisher": "Example News"}]}"""
                            .formatted(p, MEASURES[m], m + 1))).collect(Collectors.joining(",", "[", "]"));
            given().baseUri(product.url(RunningProduct.Service.INGEST)).contentType("application/json").body(batch)
                    .when().post("/api/v1/reports/batch").then().statusCode(200)
                    .body("submitted", equalTo(MEASURES.length * PLATFORMS));
            for (int p = 0; p < PLATFORMS; p++) {
                String platform = "/api/v1/countries/WS/platforms/hook-" + p;
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(query).when().get(platform)
                        .then().statusCode(200).body("version", equalTo(MEASURES.length)));
            }
            // The deliveries are owed and being tried (and failing) when the service stops.
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests("/samoa").size() >= PLATFORMS);
            assertEquals(0, receiver.accepted("/samoa").size());

            product.restart(RunningProduct.Service.QUERY, () -> receiver.answer("/samoa", nth -> 200));

            await().atMost(Duration.ofSeconds(120)).until(() -> distinctAccepted(receiver).size()
                    == MEASURES.length * PLATFORMS);
            Map<String, List<Integer>> versions = new LinkedHashMap<>();
            for (WebhookReceiver.Request request : receiver.accepted("/samoa")) {
                assertTrue(WebhookReceiver.verify(hook.getString("secret"), request), "bad signature: " + request);
                JsonNode data = Json.tree(request.body()).get("data");
                versions.computeIfAbsent(data.get("stream").asText(), k -> new ArrayList<>())
                        .add(data.get("version").asInt());
            }
            List<Integer> oneToFive = IntStream.rangeClosed(1, MEASURES.length).boxed().toList();
            for (int p = 0; p < PLATFORMS; p++) {
                // At least once: a delivery in flight at the stop may arrive twice, but never out of order.
                List<Integer> received = versions.get("WS/hook-" + p);
                assertEquals(oneToFive, received.stream().distinct().toList(), "WS/hook-" + p + ": " + received);
                for (int i = 1; i < received.size(); i++) {
                    assertTrue(received.get(i) >= received.get(i - 1), "out of order: " + received);
                }
            }

            JsonPath log = given().baseUri(query).auth().oauth2(TestTokens.operator()).when()
                    .get("/api/v1/admin/webhooks/" + hook.getString("id") + "/deliveries?limit=500")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(MEASURES.length * PLATFORMS, log.getList("id").size());
            assertTrue(log.getList("state").stream().allMatch("DELIVERED"::equals), log.prettify());
            assertTrue(log.getList("attemptLog.statusCode").stream().flatMap(l -> ((List<?>) l).stream())
                    .anyMatch(code -> Integer.valueOf(503).equals(code)), "no failed attempt was logged");
        }
    }

    private static List<String> distinctAccepted(WebhookReceiver receiver) {
        return receiver.accepted("/samoa").stream().map(WebhookReceiver.Request::id).distinct().toList();
    }
}
