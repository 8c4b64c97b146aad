package org.restrictionledger.ingest.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.restrictionledger.infra.SigningKey;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may write, as a stranger meets it: no token or a bad one is a 401 problem, a token without the role a 403
 * problem, both with {@code WWW-Authenticate: Bearer}; a reporter's submission names it, and only it and an operator
 * can read it back; admin paths need an operator. Roles are read from a plain {@code groups} or {@code roles} claim
 * and from Keycloak's {@code realm_access.roles}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class AuthTest {

    private static final String REPORT = """
            {"type": "restriction.imposed", "country": "Tuvalu", "platform": "auth-%s", "measure": "THROTTLING",
             "effective": "2026-02", "sources": [{"url": "https://example.org/story"}]}
            """;

    private static Response post(String token) {
        var request = given().contentType(ContentType.JSON)
                .body(REPORT.formatted(UUID.randomUUID().toString().substring(0, 8)));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/api/v1/reports");
    }

    private static void problem(Response response, int status, String challenge) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString(challenge))
                .body("status", equalTo(status))
                .body("type", equalTo("https://restrictionledger.org/problems/"
                        + (status == 401 ? "unauthorized" : "forbidden")))
                .body("instance", equalTo("/api/v1/reports"));
    }

    @Test
    void withoutATokenNothingIsWritten() {
        Response response = post(null);
        problem(response, 401, "Bearer realm=\"restriction-ledger\"");
        response.then().body("detail", containsString("Authorization: Bearer"));
    }

    @Test
    void aBadTokenIsRefused() {
        problem(post("not-a-token"), 401, "error=\"invalid_token\"");
        // Signed by a key this service does not trust.
        String foreign = SigningKey.generate().token("mallory", "mallory", Duration.ofHours(1), List.of("operator"));
        problem(post(foreign), 401, "error=\"invalid_token\"");
        // Signed by the trusted key, but expired.
        JwtClaims expired = new JwtClaims();
        expired.setSubject("late");
        expired.setStringListClaim("groups", List.of("reporter"));
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        problem(post(TestTokens.key().sign(expired)), 401, "error=\"invalid_token\"");
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() {
        problem(post(TestTokens.token("rita", TestTokens.READER)), 403, "error=\"insufficient_scope\"");
        given().auth().oauth2(TestTokens.reporter()).when().get("/api/v1/admin/dlq").then()
                .statusCode(403).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("insufficient_scope"));
        given().when().get("/api/v1/admin/dlq").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/admin/dlq").then().statusCode(200);
    }

    @Test
    void aReporterSeesItsOwnSubmissionsAndAnOperatorSeesAll() {
        String alice = TestTokens.token("alice", TestTokens.REPORTER);
        Response accepted = post(alice);
        accepted.then().statusCode(202).body("submitter", equalTo("alice"));
        String location = accepted.header("Location");

        given().auth().oauth2(alice).when().get(location).then().statusCode(200).body("submitter", equalTo("alice"));
        given().auth().oauth2(TestTokens.token("bob", TestTokens.REPORTER)).when().get(location).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operator()).when().get(location).then()
                .statusCode(200).body("submitter", equalTo("alice"));
        given().when().get(location).then().statusCode(401);
    }

    @Test
    void rolesComeFromKeycloakRealmRolesOrARolesClaim() {
        JwtClaims keycloak = claims("kc-service-account");
        keycloak.setClaim("realm_access", Map.of("roles", List.of("reporter", "offline_access")));
        post(TestTokens.key().sign(keycloak)).then().statusCode(202).body("submitter", equalTo("kc-service-account"));

        JwtClaims plain = claims("plain-roles");
        plain.setStringListClaim("roles", List.of("reporter"));
        post(TestTokens.key().sign(plain)).then().statusCode(202);
    }

    private static JwtClaims claims(String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://idp.example.org/realms/restriction-ledger");
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        return claims;
    }
}
