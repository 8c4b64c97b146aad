package org.restrictionledger.e2e;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.Topics;
import org.restrictionledger.testsupport.KafkaTestClient;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.restrictionledger.e2e.Reports.submitAndAwait;

/** The path from a report to a visible status, over HTTP only, through the packaged services. */
class FoundationIT {

    private final RunningProduct product = RunningProduct.get();

    /** Kazakhstan: the sample-data test owns Russia. */
    private static String report(String type, String measure) {
        return """
                {"type": "%s", "country": "Kazakhstan", "platform": "WhatsApp", "measure": "%s",
                 "authority": "Ministry of Digital Development", "legalBasis": "OTHER",
                 "reason": "non-compliance with national law", "effective": "2026-02",
                 "sources": [{"url": "https://example.org/kz-whatsapp", "publisher": "Example News"}]}
                """.formatted(type, measure);
    }

    @Test
    void aReportBecomesAnEventAndAStatusAndABadLiftIsRejected() {
        String query = product.url(RunningProduct.Service.QUERY);
        String eventId = submitAndAwait(report("restriction.imposed", "FULL_BLOCK"), "ACCEPTED")
                .body("stream", equalTo("KZ/whatsapp"))
                .body("eventIds", hasSize(1))
                .extract().path("eventIds[0]");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query)
                .when().get("/api/v1/countries/KZ/platforms")
                .then().statusCode(200)
                .body("platforms.find { it.stream == 'KZ/whatsapp' }.status", equalTo("BLOCKED"))
                .body("platforms.find { it.stream == 'KZ/whatsapp' }.activeMeasures.measure", hasItems("FULL_BLOCK"))
                .body("platforms.find { it.stream == 'KZ/whatsapp' }.since.date", equalTo("2026-02-01")));

        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.EVENTS, 1,
                r -> eventId.equals(KafkaTestClient.header(r, CloudEvents.HEADER_ID))).get(0);
        assertEquals("KZ/whatsapp", record.key());
        assertEquals("1.0", KafkaTestClient.header(record, CloudEvents.HEADER_SPEC_VERSION));
        assertEquals("org.restrictionledger.restriction.imposed.v1", KafkaTestClient.header(record, CloudEvents.HEADER_TYPE));
        assertEquals("KZ/whatsapp", KafkaTestClient.header(record, CloudEvents.HEADER_SUBJECT));
        assertEquals("/restriction-ledger/ledger-service", KafkaTestClient.header(record, CloudEvents.HEADER_SOURCE));
        assertEquals("application/json", KafkaTestClient.header(record, CloudEvents.HEADER_CONTENT_TYPE));
        RecordedEvent event = EventCodec.decode(record.value());
        assertEquals(event.recordedAt().toString(), KafkaTestClient.header(record, CloudEvents.HEADER_TIME));

        submitAndAwait(report("restriction.lifted", "THROTTLING"), "REJECTED")
                .body("reason", equalTo("cannot lift: there is no THROTTLING restriction active on KZ/whatsapp"));

        // Read-your-writes: the submission says which stream version holds the lift; the query waits for it.
        int version = submitAndAwait(report("restriction.lifted", "FULL_BLOCK"), "ACCEPTED").extract().path("streamVersion");
        given().baseUri(query).queryParam("minVersion", version)
                .when().get("/api/v1/countries/kazakhstan/platforms/whatsapp")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("version", equalTo(2));
    }

    @Test
    void theProbePathsOfTheManifestsAreServedOnTheManagementPortOnly() {
        for (RunningProduct.Service service : RunningProduct.Service.values()) {
            for (String path : List.of("/q/health/started", "/q/health/live", "/q/health/ready", "/q/metrics",
                    "/q/openapi")) {
                given().baseUri(product.managementUrl(service)).when().get(path).then().statusCode(200);
                given().baseUri(product.url(service)).when().get(path).then().statusCode(404);
            }
            // Swagger UI is a dev-mode tool: the packaged service has it on neither port.
            given().baseUri(product.url(service)).when().get("/q/swagger-ui").then().statusCode(404);
            given().baseUri(product.managementUrl(service)).when().get("/q/swagger-ui").then().statusCode(404);
        }
    }

    @Test
    void badInputIsAProblemWithEveryFieldError() {
        given().baseUri(product.url(RunningProduct.Service.INGEST)).contentType(ContentType.JSON)
                .body("""
                        {"type": "restriction.imposed", "country": "Atlantis", "platform": "WhatsApp",
                         "measure": "SHUTDOWN", "effective": "2026-02"}
                        """)
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("country", "sources", "measure")))
                .body("detail", containsString("3 fields"));
    }
}
