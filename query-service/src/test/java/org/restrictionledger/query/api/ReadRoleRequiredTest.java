package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code rl.security.read-role-required=true} (RL_SECURITY_READ_ROLE_REQUIRED): every read needs a token with role
 * reader, reporter or operator, the status page too; anonymous is a 401 problem, another role a 403 problem.
 */
@QuarkusTest
@TestProfile(ReadRoleRequiredTest.ReadRole.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ReadRoleRequiredTest {

    public static class ReadRole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rl.security.read-role-required", "true");
        }
    }

    @Test
    void readsNeedAReader() {
        given().when().get("/api/v1/countries").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().when().get("/").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("auditor", "auditor")).when().get("/api/v1/countries").then()
                .statusCode(403).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("insufficient_scope"));

        given().auth().oauth2(TestTokens.token("dashboard", TestTokens.READER)).when().get("/api/v1/countries").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.token("dashboard", TestTokens.READER)).when().get("/").then().statusCode(200);
        given().auth().oauth2(TestTokens.reporter()).when().get("/api/v1/countries").then().statusCode(200);
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/projection").then().statusCode(200);
        // A tag learnt by a reader opens nothing to anyone else: the 304 (and the kept body) come after the policy.
        String tag = given().auth().oauth2(TestTokens.token("dashboard", TestTokens.READER)).when()
                .get("/api/v1/countries").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/api/v1/countries").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("auditor", "auditor")).header("If-None-Match", tag).when()
                .get("/api/v1/countries").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("dashboard", TestTokens.READER)).header("If-None-Match", tag).when()
                .get("/api/v1/countries").then().statusCode(304);
        given().when().get("/api/v1/countries").then().statusCode(401); // the body is kept now: still not served
        // A reader is still no operator.
        given().auth().oauth2(TestTokens.token("dashboard", TestTokens.READER)).when()
                .post("/api/v1/projection/rebuild").then().statusCode(403);
    }
}
