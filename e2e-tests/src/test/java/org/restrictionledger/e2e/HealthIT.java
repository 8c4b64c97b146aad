package org.restrictionledger.e2e;

import org.junit.jupiter.api.Test;
import org.restrictionledger.infra.KafkaBroker;
import org.restrictionledger.testsupport.TestInfrastructure;

import java.time.Duration;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.restrictionledger.e2e.Reports.submitAndAwait;

/**
 * Readiness follows the broker: DOWN while it is away, UP when it is back; liveness stays UP meanwhile (a restart
 * would not bring Kafka back). Needs the broker this JVM started as a process, the only one a test may stop.
 */
class HealthIT {

    private static int status(String base, String path) {
        return given().baseUri(base).when().get(path).then().extract().statusCode();
    }

    private static void readinessNamesTheBroker(String base, String state) {
        given().baseUri(base).when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo(state));
    }

    @Test
    void readinessGoesDownWithTheBrokerAndUpWhenItReturnsWhileLivenessHolds() {
        Optional<KafkaBroker> own = TestInfrastructure.ownBroker();
        assumeTrue(own.isPresent(), "HealthIT stops the broker: it runs only against the broker process the tests "
                + "start themselves (not with " + TestInfrastructure.KAFKA_ENV + " or Testcontainers)");
        RunningProduct product = RunningProduct.get();
        KafkaBroker broker = own.get();

        for (RunningProduct.Service service : RunningProduct.Service.values()) {
            given().baseUri(product.managementUrl(service)).when().get("/q/health/ready").then().statusCode(200);
        }
        broker.close();
        try {
            for (RunningProduct.Service service : RunningProduct.Service.values()) {
                String base = product.managementUrl(service);
                // within the check's timeout (3 s) and interval, plus room for a loaded machine
                await(service + " readiness DOWN").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> status(base, "/q/health/ready") == 503);
                readinessNamesTheBroker(base, "DOWN");
                given().baseUri(base).when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            }
        } finally {
            broker.startAgain();
        }
        for (RunningProduct.Service service : RunningProduct.Service.values()) {
            String base = product.managementUrl(service);
            await(service + " readiness UP").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> status(base, "/q/health/ready") == 200);
            readinessNamesTheBroker(base, "UP");
            given().baseUri(base).when().get("/q/health/live").then().statusCode(200);
        }
        submitAndAwait("""
                {"type": "restriction.imposed", "country": "Armenia", "platform": "Telegram", "measure": "THROTTLING",
                 "effective": "2025-10", "sources": [{"publisher": "Example News"}]}""", "ACCEPTED");
    }
}
