package org.restrictionledger.ingest.store;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.CommandOutcome;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class SubmissionStoreTest {

    @Inject
    SubmissionStore store;

    /**
     * The command is published before its PENDING row is written, so a quick ledger's outcome can come first. The
     * decision stands, and the submitter still reads its own submission (found under load by FuzzIT's batches).
     */
    @Test
    void anOutcomeThatArrivedBeforeThePendingRowKeepsItsDecisionAndGainsItsSubmitter() {
        UUID id = UUID.randomUUID();
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<UUID> events = List.of(UUID.randomUUID(), UUID.randomUUID());
        store.decided(List.of(CommandOutcome.accepted(id, new StreamId("RU", "race-" + id.toString().substring(0, 8)),
                events, 1, received.plusMillis(5))));
        store.pending(List.of(new SubmissionStore.Pending(id, "RU/race", "restriction.imposed", received,
                "test-reporter")));

        Submission stored = store.find(id).orElseThrow();
        assertEquals(Submission.Status.ACCEPTED, stored.status, "the ledger's decision stands");
        assertEquals("test-reporter", stored.submitter);
        assertEquals("restriction.imposed", stored.reportType);
        assertEquals(events, stored.eventIds, "a typed uuid[], in the ledger's order");
        given().auth().oauth2(TestTokens.reporter()).when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("eventIds", equalTo(events.stream().map(UUID::toString).toList()));

        // a PENDING row written again (a retried batch) changes nothing once the submitter is known
        store.pending(List.of(new SubmissionStore.Pending(id, "RU/race", "restriction.lifted", received, "someone-else")));
        assertEquals("test-reporter", store.find(id).orElseThrow().submitter);
    }
}
