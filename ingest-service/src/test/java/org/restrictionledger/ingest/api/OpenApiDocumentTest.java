package org.restrictionledger.ingest.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.OpenApiContract;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.net.URL;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document a client downloads from the management port is valid OpenAPI and describes every route this
 * service serves (from its JAX-RS resources), with response schemas and problem responses (test-support
 * {@link OpenApiContract}).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenApiDocumentTest {

    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @Test
    void theDocumentIsValidAndDescribesEveryServedRoute() {
        String json = given().queryParam("format", "json").when().get(openapi)
                .then().statusCode(200).extract().asString();
        OpenAPI document = OpenApiContract.parse(json);
        OpenApiContract.check(document, OpenApiContract.servedRoutes());
    }
}
