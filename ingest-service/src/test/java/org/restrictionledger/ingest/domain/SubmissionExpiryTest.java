package org.restrictionledger.ingest.domain;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.Submitter;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.store.SubmissionStore;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A submission claimed under an Idempotency-Key whose command never reached the broker (the process died between the
 * claim and the publish, or the broker refused it and the client gave up) expires instead of staying PENDING; a retry
 * with the same key revives it. The test profile expires after 3 s.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class SubmissionExpiryTest {

    @Inject
    SubmissionStore store;

    @Test
    void anUnpublishedSubmissionExpiresAndARetryWithItsKeyRevivesIt() {
        String body = """
                {"type": "restriction.imposed", "country": "RU", "platform": "p-%s", "measure": "THROTTLING",
                 "effective": "2026-02", "sources": [{"publisher": "Example News"}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8));
        ReportRequest report = Json.read(body, ReportRequest.class);
        UUID id = UUID.randomUUID();
        Instant receivedAt = Instant.now();
        LedgerCommand command = ReportNormaliser.normalise(report, id, receivedAt).command();
        String key = "expiry-" + id;
        // What a request leaves behind when it dies after claiming its key and before the broker takes the command.
        // The key as the test reporter's token scopes it (keys are per submitter).
        String reporter = "test-reporter";
        store.claim(Submissions.scopedKey(key, new Submitter(reporter, reporter)), Submissions.sha256(Json.write(report)),
                new SubmissionStore.Pending(id, command.stream().toString(), report.type(), receivedAt, reporter),
                Json.write(command));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.reporter())
                .when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("status", equalTo("EXPIRED")).body("reason", startsWith("expired: ")));

        given().auth().oauth2(TestTokens.reporter()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body)
                .when().post("/api/v1/reports")
                .then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("submissionId", equalTo(id.toString()));
        given().auth().oauth2(TestTokens.reporter()).when().get("/api/v1/submissions/" + id).then()
                .statusCode(200).body("status", equalTo("PENDING"));
    }
}
