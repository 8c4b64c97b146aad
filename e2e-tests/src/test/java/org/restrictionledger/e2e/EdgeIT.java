package org.restrictionledger.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged services with their production defaults, as a browser meets them: no other origin is allowed to call
 * the API (no CORS origin is configured), and every answer carries the security headers.
 */
class EdgeIT {

    private final RunningProduct product = RunningProduct.get();

    @Test
    void noForeignOriginIsAllowedByDefaultAndEveryAnswerCarriesTheSecurityHeaders() {
        for (RunningProduct.Service service : RunningProduct.Service.values()) {
            Response preflight = given().baseUri(product.url(service))
                    .header("Origin", "https://somewhere.example").header("Access-Control-Request-Method", "GET")
                    .when().options("/api/v1/anything");
            preflight.then().header("Access-Control-Allow-Origin", nullValue());

            Response answer = given().baseUri(product.url(service)).when().get("/no/such/path");
            assertEquals(404, answer.statusCode(), service.name());
            answer.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .header("Cache-Control", "no-store");
        }
    }
}
