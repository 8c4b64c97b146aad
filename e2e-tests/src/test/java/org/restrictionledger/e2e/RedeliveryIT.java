package org.restrictionledger.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Topics;
import org.restrictionledger.testsupport.KafkaTestClient;
import org.restrictionledger.testsupport.TestInfrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.restrictionledger.e2e.Reports.submitAndAwait;

/**
 * Exactly one event per fact when Kafka delivers a command again: the ledger is stopped, its consumer group rewound
 * to offset 0 of {@code restrictions.commands.v1} (as if it had committed nothing), and started again. Every
 * command is consumed a second time; none may produce an event.
 */
class RedeliveryIT {

    private static final String GROUP = "ledger-service";

    @Test
    void replayingEveryCommandProducesNoSecondEvent() throws Exception {
        RunningProduct product = RunningProduct.get();
        submitAndAwait("""
                {"type": "fine.imposed", "country": "Belarus", "platform": "Telegram", "amount": "1500000",
                 "currency": "BYN", "authority": "Minsk City Court", "effective": "2025-05",
                 "sources": [{"publisher": "Example News"}]}""", "ACCEPTED");
        long eventsBefore = KafkaTestClient.readAll(Topics.EVENTS).size();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            product.restart(RunningProduct.Service.LEDGER, () -> rewind(admin));
            Map<TopicPartition, Long> end = endOffsets(admin);
            await().atMost(Duration.ofSeconds(90)).until(() -> committed(admin).equals(end));
        }

        assertEquals(eventsBefore, KafkaTestClient.readAll(Topics.EVENTS).size(), "a replayed command made an event");
        given().baseUri(product.url(RunningProduct.Service.LEDGER))
                .when().get("/api/v1/streams/BY/telegram")
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyTwiceMakesOneSubmissionAndOneEvent() {
        RunningProduct product = RunningProduct.get();
        String report = """
                {"type": "restriction.imposed", "country": "Belarus", "platform": "Signal", "measure": "FULL_BLOCK",
                 "effective": "2025-09", "sources": [{"publisher": "Example News"}]}""";
        String key = "e2e-" + java.util.UUID.randomUUID();
        String first = given().baseUri(product.url(RunningProduct.Service.INGEST)).contentType("application/json")
                .header("Idempotency-Key", key).body(report).when().post("/api/v1/reports")
                .then().statusCode(202).extract().path("submissionId");
        String second = given().baseUri(product.url(RunningProduct.Service.INGEST)).contentType("application/json")
                .header("Idempotency-Key", key).body(report).when().post("/api/v1/reports")
                .then().statusCode(202).extract().path("submissionId");
        assertEquals(first, second);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .baseUri(product.url(RunningProduct.Service.INGEST)).when().get("/api/v1/submissions/" + first)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")));
        given().baseUri(product.url(RunningProduct.Service.LEDGER)).when().get("/api/v1/streams/BY/signal")
                .then().statusCode(200).body("version", equalTo(1));
    }

    private static void rewind(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> zero = endOffsets(admin).keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            // The stopped ledger left the group on shutdown; until the broker sees it empty, the rewind is refused.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(GROUP, zero).all().get(10, TimeUnit.SECONDS);
                return true;
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not rewind " + GROUP, e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(Topics.COMMANDS)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(Topics.COMMANDS).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(Topics.COMMANDS, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.COMMANDS) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
