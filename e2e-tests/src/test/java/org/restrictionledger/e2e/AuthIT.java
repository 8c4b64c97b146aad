package org.restrictionledger.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens and roles through the packaged services, as a stranger meets them: every service answers a missing token
 * with a 401 problem and a wrong role with a 403 problem, both with {@code WWW-Authenticate: Bearer}; a reporter's
 * report reaches the ledger under the reporter's name, inside the hashed event, and no other reporter can read the
 * submission. Owns country VU (Vanuatu).
 */
class AuthIT {

    private static final RunningProduct PRODUCT = RunningProduct.get();

    private static RequestSpecification at(RunningProduct.Service service) {
        return given().baseUri(PRODUCT.url(service));
    }

    private static void refused(RequestSpecification request, String path, int status) {
        request.when().post(path).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(status))
                .body("instance", equalTo(path));
    }

    @Test
    void everyServiceRefusesAMissingTokenAndAWrongRoleAsProblems() {
        String reader = TestTokens.token("e2e-reader", TestTokens.READER);
        refused(at(RunningProduct.Service.INGEST).auth().none().contentType(ContentType.JSON).body("{}"),
                "/api/v1/reports", 401);
        refused(at(RunningProduct.Service.INGEST).auth().oauth2(reader).contentType(ContentType.JSON).body("{}"),
                "/api/v1/reports", 403);
        refused(at(RunningProduct.Service.LEDGER).auth().none(), "/api/v1/checkpoints", 401);
        refused(at(RunningProduct.Service.LEDGER).auth().oauth2(TestTokens.reporter()), "/api/v1/admin/dlq/redrive", 403);
        refused(at(RunningProduct.Service.QUERY).auth().none(), "/api/v1/projection/rebuild", 401);
        refused(at(RunningProduct.Service.QUERY).auth().oauth2(TestTokens.reporter()), "/api/v1/projection/rebuild", 403);
        // Reads are public by default.
        at(RunningProduct.Service.QUERY).auth().none().when().get("/api/v1/countries").then().statusCode(200);
    }

    @Test
    void theLedgerSaysWhoReportedAFact() {
        String platform = "auth-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "reporter-" + UUID.randomUUID();
        String token = TestTokens.token(subject, TestTokens.REPORTER);
        String location = at(RunningProduct.Service.INGEST).auth().oauth2(token).contentType(ContentType.JSON).body("""
                        {"type": "restriction.imposed", "country": "Vanuatu", "platform": "%s", "measure": "FULL_BLOCK",
                         "effective": "2026-05-01", "sources": [{"url": "https://example.org/vu"}]}""".formatted(platform))
                .when().post("/api/v1/reports")
                .then().statusCode(202).body("submitter", equalTo(subject))
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at(RunningProduct.Service.INGEST).auth().oauth2(token)
                .when().get(location).then().statusCode(200).body("status", equalTo("ACCEPTED")));
        // Another reporter cannot even tell that the submission exists; an operator sees it.
        at(RunningProduct.Service.INGEST).auth().oauth2(TestTokens.token("someone-else", TestTokens.REPORTER))
                .when().get(location).then().statusCode(404);
        at(RunningProduct.Service.INGEST).auth().oauth2(TestTokens.operator())
                .when().get(location).then().statusCode(200).body("submitter", equalTo(subject));

        at(RunningProduct.Service.LEDGER).auth().none().when().get("/api/v1/streams/VU/" + platform).then()
                .statusCode(200)
                .body("events[0].submitter.subject", equalTo(subject))
                .body("events[0].submitter.name", equalTo(subject));
        at(RunningProduct.Service.LEDGER).auth().none().when().get("/api/v1/streams/VU/" + platform + "/verify").then()
                .statusCode(200).body("valid", equalTo(true));
    }
}
