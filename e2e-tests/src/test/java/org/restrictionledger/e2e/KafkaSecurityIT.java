package org.restrictionledger.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Topics;
import org.restrictionledger.testsupport.TestInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.restrictionledger.e2e.Reports.submitAndAwait;

/**
 * Every Kafka client of every service takes the channels' security settings: the packaged services run against the
 * broker's SASL_PLAINTEXT listener, which takes SCRAM-SHA-512 logins only (a client with {@code bootstrap.servers}
 * alone gets nothing from it), and still every path works: ingest's producer and outcome consumer, the ledger's
 * consumer and outbox producer, the query's consumer, its lag monitor (an admin client), its rebuild (an ad-hoc
 * consumer), and the readiness checks.
 */
class KafkaSecurityIT {

    private static Map<String, Object> client(String bootstrap, Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }

    @Test
    void everyClientOfEveryServiceLogsInThroughScram() throws Exception {
        RunningProduct product = RunningProduct.get();
        assumeTrue(product.kafkaOverSasl(), "needs the broker process the tests start (it has the SCRAM listener), "
                + "not " + TestInfrastructure.KAFKA_ENV + " or Testcontainers");
        String sasl = TestInfrastructure.kafkaSaslBootstrapServers().orElseThrow();

        // The listener really demands a login: built from bootstrap.servers alone, a client gets no answer.
        try (Admin anonymous = Admin.create(client(sasl, Map.of()))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> anonymous.listTopics().names().get(30, TimeUnit.SECONDS));
            assertFalse(refused.getCause() == null, "no answer without SASL");
        }

        // A report travels ingest -> ledger -> query, then the query's ad-hoc clients run.
        submitAndAwait("""
                {"type": "restriction.imposed", "country": "Turkmenistan", "platform": "Signal",
                 "measure": "FULL_BLOCK", "effective": "2025-09", "sources": [{"publisher": "Example News"}]}""",
                "ACCEPTED");
        String query = product.url(RunningProduct.Service.QUERY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query)
                .when().get("/api/v1/countries/TM/platforms/signal")
                .then().statusCode(200).body("status", equalTo("BLOCKED")));
        // ProjectionMonitor's admin client measured the topic's end offsets through SCRAM.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query)
                .when().get("/api/v1/projection")
                .then().statusCode(200)
                .body("partitions.size()", greaterThan(0))
                .body("position", greaterThan(0))
                .body("lag", equalTo(0)));
        // Rebuilder's consumer reads the topic from offset 0 through SCRAM.
        given().baseUri(query).auth().oauth2(TestTokens.operator()).when().post("/api/v1/projection/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(query)
                .when().get("/api/v1/projection")
                .then().statusCode(200)
                .body("rebuild.state", equalTo("DONE"))
                .body("rebuild.eventsRead", greaterThan(0)));
        for (RunningProduct.Service service : RunningProduct.Service.values()) {
            given().baseUri(product.managementUrl(service)).when().get("/q/health/ready").then().statusCode(200);
        }

        // The broker's own view: each service's consumer group has members that logged in as the SCRAM user.
        try (Admin admin = Admin.create(client(sasl, TestInfrastructure.SCRAM_USER.clientProperties()))) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(Topics.EVENTS));
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                    List.of("ingest-service", "ledger-service", "query-service")).all().get(30, TimeUnit.SECONDS);
            groups.forEach((group, description) ->
                    assertFalse(description.members().isEmpty(), group + " has no member on the SASL listener"));
        }
    }
}
