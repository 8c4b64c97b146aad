package org.restrictionledger.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * One trace from ingest through the ledger to the projection: the trace id a client sends in {@code traceparent}
 * reaches the ledger's consumer (through the commands topic) and the projection (through the outbox and the events
 * topic), where the services log it.
 */
class TracingIT {

    @Test
    void theTraceIdOfAReportReachesTheLedgerAndTheProjection() {
        RunningProduct product = RunningProduct.get();
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        String traceId = HexFormat.of().formatHex(bytes, 0, 16);
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(bytes, 16, 24) + "-01";

        String location = given().baseUri(product.url(RunningProduct.Service.INGEST))
                .contentType("application/json").header("traceparent", traceparent)
                .body("""
                        {"type": "restriction.imposed", "country": "Turkmenistan", "platform": "Telegram",
                         "measure": "FULL_BLOCK", "effective": "2025-08", "sources": [{"publisher": "Example News"}]}""")
                .when().post("/api/v1/reports").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .baseUri(product.url(RunningProduct.Service.INGEST)).when().get(location)
                .then().body("status", equalTo("ACCEPTED")));

        String marker = "\"traceId\":\"" + traceId + "\"";
        await("the ledger logs the trace").atMost(Duration.ofSeconds(30))
                .until(() -> product.logged(RunningProduct.Service.LEDGER).lines()
                        .anyMatch(l -> l.contains(marker) && l.contains("appended restriction.imposed")));
        await("the projection logs the trace").atMost(Duration.ofSeconds(30))
                .until(() -> product.logged(RunningProduct.Service.QUERY).lines()
                        .anyMatch(l -> l.contains(marker) && l.contains("projected restriction.imposed TM/telegram")));
    }
}
