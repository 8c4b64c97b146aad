package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The query service's admin actions need an operator (a reporter's token cannot start a rebuild or re-drive parked
 * streams), any path under {@code /api/v1/admin/} included, present or future; reads are public by default.
 * {@code RebuildTest} and {@code ParkingTest} show an operator's token doing both.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class QueryAuthTest {

    @Test
    void aReporterCannotRebuildOrRedrive() {
        given().when().post("/api/v1/projection/rebuild").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer realm=\"restriction-ledger\""))
                .body("status", equalTo(401)).body("instance", equalTo("/api/v1/projection/rebuild"));
        given().auth().oauth2(TestTokens.reporter()).when().post("/api/v1/projection/rebuild").then()
                .statusCode(403).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .body("type", equalTo("https://restrictionledger.org/problems/forbidden"));
        given().auth().oauth2(TestTokens.reporter()).when().post("/api/v1/projection/parked/redrive").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void everyAdminPathNeedsAnOperatorEvenOneNotWrittenYet() {
        // No resource answers here: the path rule refuses before routing, so a new admin endpoint is closed from the
        // start. An operator reaches the (absent) resource and gets its 404.
        given().when().get("/api/v1/admin/not-yet-written").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reporter()).when().post("/api/v1/admin/not-yet-written").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/admin/not-yet-written").then()
                .statusCode(404);
    }

    @Test
    void readsArePublicByDefault() {
        given().when().get("/api/v1/projection").then().statusCode(200);
        given().when().get("/api/v1/countries").then().statusCode(200);
        given().when().get("/").then().statusCode(200);
    }
}
