package org.restrictionledger.e2e;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.Topics;
import org.restrictionledger.infra.KafkaBroker;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.infra.ServiceProcess;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The three packaged services ({@code java -jar target/quarkus-app/quarkus-run.jar}) as separate processes against
 * one real broker and one real PostgreSQL, driven over HTTP only. Their logs: {@code e2e-tests/target/e2e-logs/}.
 */
class FoundationIT {

    private static final Path ROOT = Path.of(System.getProperty("restrictionledger.root", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = ROOT.resolve("e2e-tests/target/e2e-logs");
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static String ingest;
    private static String query;

    @BeforeAll
    static void startTheProduct() throws IOException {
        Files.createDirectories(LOGS);
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        PostgresServer postgres = TestInfrastructure.postgres();
        for (String name : List.of("ingest", "ledger", "query")) {
            Path log = LOGS.resolve(name + "-service.log");
            Files.deleteIfExists(log);
            SERVICES.add(ServiceProcess.start(name + "-service",
                    ROOT.resolve(name + "-service/target/quarkus-app/quarkus-run.jar"), KafkaBroker.freePort(),
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka,
                            "QUARKUS_DATASOURCE_JDBC_URL", postgres.recreateDatabase(name + "_e2e"),
                            "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                            "QUARKUS_DATASOURCE_PASSWORD", postgres.password()),
                    line -> append(log, line)));
        }
        SERVICES.forEach(service -> service.awaitReady(Duration.ofSeconds(120)));
        ingest = SERVICES.get(0).baseUrl();
        query = SERVICES.get(2).baseUrl();
    }

    @AfterAll
    static void stopTheProduct() {
        SERVICES.forEach(ServiceProcess::close);
    }

    private static String report(String type, String measure) {
        return """
                {"type": "%s", "country": "Russia", "platform": "WhatsApp", "measure": "%s",
                 "authority": "Kremlin (spokesperson Dmitry Peskov)", "legalBasis": "OTHER",
                 "reason": "Meta's unwillingness to follow Russian legal requirements", "effective": "2026-02",
                 "sources": [{"publisher": "Wire story, Casablanca dateline"}]}
                """.formatted(type, measure);
    }

    /** Submits a report and waits for the ledger's decision; returns the final submission document path. */
    private static io.restassured.response.ValidatableResponse submitAndAwait(String body, String status) {
        String location = given().baseUri(ingest).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reports")
                .then().statusCode(202).body("status", equalTo("PENDING"))
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"PENDING".equals(given().when().get(location).then().extract().path("status")));
        return given().when().get(location).then().statusCode(200).body("status", equalTo(status));
    }

    @Test
    void aReportBecomesAnEventAndAStatusAndABadLiftIsRejected() {
        String eventId = submitAndAwait(report("restriction.imposed", "FULL_BLOCK"), "ACCEPTED")
                .body("stream", equalTo("RU/whatsapp"))
                .body("eventIds", hasSize(1))
                .extract().path("eventIds[0]");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query)
                .when().get("/api/v1/countries/RU/platforms")
                .then().statusCode(200)
                .body("platforms.find { it.stream == 'RU/whatsapp' }.status", equalTo("BLOCKED"))
                .body("platforms.find { it.stream == 'RU/whatsapp' }.activeMeasures.measure", hasItems("FULL_BLOCK"))
                .body("platforms.find { it.stream == 'RU/whatsapp' }.since.date", equalTo("2026-02-01")));

        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.EVENTS, 1,
                r -> eventId.equals(KafkaTestClient.header(r, CloudEvents.HEADER_ID))).get(0);
        assertEquals("RU/whatsapp", record.key());
        assertEquals("1.0", KafkaTestClient.header(record, CloudEvents.HEADER_SPEC_VERSION));
        assertEquals("org.restrictionledger.restriction.imposed.v1", KafkaTestClient.header(record, CloudEvents.HEADER_TYPE));
        assertEquals("RU/whatsapp", KafkaTestClient.header(record, CloudEvents.HEADER_SUBJECT));
        assertEquals("application/json", KafkaTestClient.header(record, CloudEvents.HEADER_CONTENT_TYPE));
        RecordedEvent event = EventCodec.decode(record.value());
        assertEquals(event.recordedAt().toString(), KafkaTestClient.header(record, CloudEvents.HEADER_TIME));

        submitAndAwait(report("restriction.lifted", "THROTTLING"), "REJECTED")
                .body("reason", equalTo("cannot lift: there is no THROTTLING restriction active on RU/whatsapp"));

        submitAndAwait(report("restriction.lifted", "FULL_BLOCK"), "ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query)
                .when().get("/api/v1/countries/russia/platforms/whatsapp")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("version", equalTo(2)));
    }

    @Test
    void badInputIsAProblemWithEveryFieldError() {
        given().baseUri(ingest).contentType(ContentType.JSON)
                .body("""
                        {"type": "restriction.imposed", "country": "Atlantis", "platform": "WhatsApp",
                         "measure": "SHUTDOWN", "effective": "2026-02"}
                        """)
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("country", "measure", "sources")))
                .body("detail", containsString("3 fields"));
    }

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
