package org.restrictionledger.query.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;
import org.restrictionledger.testsupport.WebhookReceiver;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks end to end inside the service: events in on the real broker, the projection records deliveries in
 * PostgreSQL, the dispatcher POSTs them to a real HTTP receiver, which checks every signature with its own HMAC.
 * Retries here are fast ({@code %test.query.webhooks.*}: 0.2 s backoff, disabled after 3 failures in a row).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class WebhooksTest {

    /** Subscriptions are an operator's to manage: every request of this test carries an operator's token. */
    @BeforeEach
    void asOperator() {
        RestAssured.authentication = RestAssured.oauth2(TestTokens.operator());
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }


    private static final String API = "/api/v1/admin/webhooks";
    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static WebhookReceiver receiver;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private final TestEvents events = new TestEvents();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static JsonPath subscribe(String body) {
        return given().contentType("application/json").body(body).when().post(API)
                .then().statusCode(201).header("Location", matchesPattern(".*/api/v1/admin/webhooks/[0-9a-f-]{36}"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}=")).body("enabled", equalTo(true))
                .extract().jsonPath();
    }

    private static RestrictionImposed imposed(Measure measure, String day) {
        return new RestrictionImposed(measure, List.of(), "Authority", null, "reason",
                Effective.day(LocalDate.parse(day)), SOURCES);
    }

    private static JsonNode data(WebhookReceiver.Request request) {
        return Json.tree(request.body()).get("data");
    }

    private static List<Integer> versions(List<WebhookReceiver.Request> requests, String stream) {
        return requests.stream().filter(r -> data(r).get("stream").asText().equals(stream))
                .map(r -> data(r).get("version").asInt()).toList();
    }

    @Test
    void matchingChangesArriveSignedInOrderPerStreamWithTheStatusDocument() {
        String all = "/filters-all-" + events.country;
        String blocked = "/filters-blocked-" + events.country;
        JsonPath whatsappHook = subscribe("""
                {"url": "%s", "description": "every WhatsApp change", "countries": ["%s"], "platforms": ["WhatsApp"]}"""
                .formatted(receiver.url(all), events.country));
        JsonPath blockedHook = subscribe("""
                {"url": "%s", "countries": ["%s"], "statuses": ["blocked"]}""".formatted(receiver.url(blocked),
                events.country));
        assertEquals(List.of("whatsapp"), whatsappHook.getList("platforms"));
        assertEquals(List.of("BLOCKED"), blockedHook.getList("statuses"));

        RecordedEvent throttled = events.publish("whatsapp", imposed(Measure.THROTTLING, "2026-01-10"));
        RecordedEvent block = events.publish("whatsapp", imposed(Measure.FULL_BLOCK, "2026-02-12"));
        RecordedEvent lift = events.publish("whatsapp", new RestrictionLifted(block.eventId(), Measure.FULL_BLOCK,
                null, null, Effective.day(LocalDate.parse("2026-03-01")), SOURCES));
        RecordedEvent telegram = events.publish("telegram", imposed(Measure.FULL_BLOCK, "2026-02-01"));
        events.publish("telegram", imposed(Measure.THROTTLING, "2026-02-02"));

        String whatsapp = events.country + "/whatsapp";
        await().atMost(WAIT).until(() -> receiver.accepted(all).size() >= 3 && receiver.accepted(blocked).size() >= 3);
        // The platform filter: WhatsApp's three changes, in stream order, and none of Telegram's.
        assertEquals(List.of(1, 2, 3), versions(receiver.accepted(all), whatsapp));
        assertEquals(3, receiver.accepted(all).size(), "a change of another platform was delivered");
        // The status filter: only the changes after which the stream was BLOCKED (Telegram stays BLOCKED at v2).
        List<WebhookReceiver.Request> blocks = receiver.accepted(blocked);
        assertEquals(List.of(2), versions(blocks, whatsapp));
        assertEquals(List.of(1, 2), versions(blocks, events.country + "/telegram"));

        for (WebhookReceiver.Request request : receiver.accepted(all)) {
            assertTrue(WebhookReceiver.verify(whatsappHook.getString("secret"), request), "bad signature: " + request);
            assertTrue(request.signature().matches("v1,[A-Za-z0-9+/]{43}="), request.signature());
            assertEquals("application/json", request.contentType());
            assertTrue(Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond()) < 300);
            JsonNode body = Json.tree(request.body());
            assertEquals("status.changed", body.get("type").asText());
            assertEquals(List.of(), EventSchemas.validate(EventSchemas.STATUS, body.get("data")),
                    "the payload's data is not a status.v1 document");
        }
        JsonNode first = Json.tree(receiver.accepted(all).get(0).body());
        assertEquals(throttled.eventId().toString(), first.get("data").get("eventId").asText());
        assertEquals(throttled.recordedAt().toString(), first.get("timestamp").asText());
        assertEquals("THROTTLED", first.get("data").get("status").asText());
        JsonNode third = data(receiver.accepted(all).get(2));
        assertEquals(lift.eventId().toString(), third.get("eventId").asText());
        assertEquals("THROTTLED", third.get("status").asText());
        assertEquals(telegram.eventId().toString(), data(blocks.stream()
                .filter(r -> data(r).get("stream").asText().endsWith("/telegram")).findFirst().orElseThrow())
                .get("eventId").asText());
        // The same document as the query API's detail.
        String detail = given().when().get("/api/v1/countries/" + events.country + "/platforms/whatsapp")
                .then().statusCode(200).extract().asString();
        JsonNode api = Json.tree(detail);
        assertEquals(api.get("status"), third.get("status"));
        assertEquals(api.get("activeMeasures"), third.get("activeMeasures"));
        assertEquals(api.get("version"), third.get("version"));

        // Every delivery is in the log, DELIVERED at the first attempt, with the id the receiver saw.
        String id = whatsappHook.getString("id");
        JsonPath log = given().when().get(API + "/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"), log.getList("state"));
        assertEquals(List.of(3, 2, 1), log.getList("streamVersion"));
        assertTrue(log.getList("id").containsAll(receiver.accepted(all).stream().map(WebhookReceiver.Request::id).toList()));
        assertEquals(List.of(200), log.getList("attemptLog[0].statusCode"));
        given().when().get(API + "/" + id).then().statusCode(200).body("backlog", equalTo(0))
                .body("consecutiveFailures", equalTo(0)).body("secret", equalTo(null));
        given().when().get(API).then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void aDeliveryAnswered500IsRetriedAndTheStreamsLaterChangesWaitForIt() {
        String path = "/retry-" + events.country;
        receiver.answer(path, nth -> nth == 1 ? 500 : 200);
        JsonPath hook = subscribe("""
                {"url": "%s", "countries": ["%s"]}""".formatted(receiver.url(path), events.country));
        events.publish("signal", imposed(Measure.THROTTLING, "2026-01-10"));
        events.publish("signal", imposed(Measure.FULL_BLOCK, "2026-02-12"));
        events.publish("signal", imposed(Measure.DOMAIN_DELISTING, "2026-02-13"));

        await().atMost(WAIT).until(() -> receiver.accepted(path).size() == 3);
        List<WebhookReceiver.Request> all = receiver.requests(path);
        assertEquals(List.of(500, 200, 200, 200), all.stream().map(WebhookReceiver.Request::answered).toList());
        // v1 was tried twice, under the same webhook-id, before v2 was sent at all.
        assertEquals(List.of(1, 1, 2, 3), versions(all, events.country + "/signal"));
        assertEquals(all.get(0).id(), all.get(1).id());
        all.forEach(r -> assertTrue(WebhookReceiver.verify(hook.getString("secret"), r)));

        JsonPath log = given().when().get(API + "/" + hook.getString("id") + "/deliveries?state=delivered")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3, 2, 1), log.getList("streamVersion"));
        Map<String, Object> first = log.getMap("[2]");
        assertEquals(2, first.get("attempts"));
        assertEquals(List.of(500, 200), log.getList("[2].attemptLog.statusCode"));
        assertEquals(List.of(1, 2), log.getList("[2].attemptLog.attempt"));
        assertEquals(200, first.get("lastStatusCode"));
        given().when().get(API + "/" + hook.getString("id")).then().body("consecutiveFailures", equalTo(0))
                .body("lastSuccessAt", matchesPattern("\\d{4}-.*"));
    }

    @Test
    void aReceiverThatKeepsFailingIsDisabledWithItsReasonAndGetsEverythingWhenEnabledAgain() {
        String path = "/failing-" + events.country;
        receiver.answer(path, nth -> 503);
        JsonPath hook = subscribe("""
                {"url": "%s", "countries": ["%s"]}""".formatted(receiver.url(path), events.country));
        String id = hook.getString("id");
        events.publish("viber", imposed(Measure.FULL_BLOCK, "2026-02-12"));
        events.publish("viber", imposed(Measure.THROTTLING, "2026-02-13"));

        await().atMost(WAIT).untilAsserted(() -> given().when().get(API + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", containsString("3 attempts in a row failed, the last: HTTP 503"))
                .body("backlog", equalTo(2)));
        int tried = receiver.requests(path).size();
        assertEquals(3, tried);
        assertEquals(List.of(1, 1, 1), versions(receiver.requests(path), events.country + "/viber"));
        JsonPath log = given().when().get(API + "/" + id + "/deliveries?state=PENDING").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(503, 503, 503), log.getList("[1].attemptLog.statusCode"));
        assertEquals("HTTP 503", log.getString("[1].lastError"));

        receiver.answer(path, nth -> 200);
        given().when().post(API + "/" + id + "/enable").then().statusCode(200).body("enabled", equalTo(true))
                .body("disabledReason", equalTo(null)).body("consecutiveFailures", equalTo(0));
        await().atMost(WAIT).until(() -> receiver.accepted(path).size() == 2);
        assertEquals(List.of(1, 2), versions(receiver.accepted(path), events.country + "/viber"));
        given().when().get(API + "/" + id).then().body("backlog", equalTo(0));
    }

    @Test
    void a410GoneDisablesAtOnce() {
        String path = "/gone-" + events.country;
        receiver.answer(path, nth -> 410);
        String id = subscribe("""
                {"url": "%s", "countries": ["%s"]}""".formatted(receiver.url(path), events.country)).getString("id");
        events.publish("skype", imposed(Measure.FULL_BLOCK, "2026-02-12"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get(API + "/" + id).then()
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("the receiver answered 410 Gone")));
        assertEquals(1, receiver.requests(path).size());
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() {
        String path = "/rotate-" + events.country;
        JsonPath hook = subscribe("""
                {"url": "%s", "countries": ["%s"]}""".formatted(receiver.url(path), events.country));
        String old = hook.getString("secret");
        JsonPath rotated = given().when().post(API + "/" + hook.getString("id") + "/rotate-secret")
                .then().statusCode(200).body("previousSecretValidUntil", matchesPattern("\\d{4}-.*"))
                .extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertTrue(!fresh.equals(old));

        events.publish("line", imposed(Measure.FULL_BLOCK, "2026-02-12"));
        await().atMost(WAIT).until(() -> receiver.accepted(path).size() == 1);
        WebhookReceiver.Request request = receiver.accepted(path).get(0);
        assertEquals(2, request.signature().split(" ").length, request.signature());
        assertTrue(WebhookReceiver.verify(fresh, request));
        assertTrue(WebhookReceiver.verify(old, request));
        assertTrue(!WebhookReceiver.verify(Signatures.newSecret(), request), "any secret verifies: the check is void");
    }

    @Test
    void badSubscriptionsAreProblemsNamingTheField() {
        given().contentType("application/json").body("""
                {"url": "ftp://partner.example.org/x", "countries": ["RU", "Atlantis"], "statuses": ["GONE"],
                 "platforms": ["not a slug!"], "description": "%s"}""".formatted("d".repeat(201)))
                .when().post(API).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("url", "description", "countries[1]", "platforms[0]", "statuses[0]")));
        given().contentType("application/json").body("{\"url\": \"https://x.example.org\", \"country\": [\"RU\"]}")
                .when().post(API).then().statusCode(400).body("errors[0].field", equalTo("country"));
        given().contentType("application/json").body("{\"url\": \"https://x.example.org\", \"countries\": \"RU\"}")
                .when().post(API).then().statusCode(400).body("errors[0].field", equalTo("countries"));
        given().contentType("application/json").body("{\"url\": \"https://user:pw@x.example.org/\"}")
                .when().post(API).then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().contentType("application/json").body("{}").when().post(API).then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        given().contentType("application/json").body("[1]").when().post(API).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().contentType("application/json").body("{\"url\": \"https://x.example.org\", \"description\": \""
                        + "x".repeat(20_000) + "\"}")
                .when().post(API).then().statusCode(413).contentType("application/problem+json");
        given().when().get(API + "/not-an-id").then().statusCode(404).contentType("application/problem+json");
        given().when().delete(API + "/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        String id = subscribe("{\"url\": \"https://x.example.org/hook\", \"countries\": [\"" + events.country + "\"]}")
                .getString("id");
        given().when().get(API + "/" + id + "/deliveries?state=LOST").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().when().get(API + "/" + id + "/deliveries?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().when().delete(API + "/" + id).then().statusCode(204);
        given().when().get(API + "/" + id).then().statusCode(404);
    }

    @Test
    void deliveriesAndTheBacklogAreMetrics() {
        String path = "/metrics-" + events.country;
        subscribe("{\"url\": \"%s\", \"countries\": [\"%s\"]}".formatted(receiver.url(path), events.country));
        events.publish("kakaotalk", imposed(Measure.FULL_BLOCK, "2026-02-12"));
        await().atMost(WAIT).until(() -> receiver.accepted(path).size() == 1);
        await().atMost(WAIT).untilAsserted(() -> {
            String text = given().when().get(metrics).then().statusCode(200).extract().asString();
            assertTrue(text.contains("webhooks_deliveries_total{outcome=\"delivered\"}"), text);
            assertTrue(text.contains("webhooks_backlog "), text);
        });
    }
}
