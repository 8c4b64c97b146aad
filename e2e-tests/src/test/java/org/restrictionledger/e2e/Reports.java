package org.restrictionledger.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Submitting reports over HTTP, as a reporter would. */
final class Reports {

    private Reports() {
    }

    /** Submits a report, waits for the ledger's decision, and checks it is {@code status}. */
    static ValidatableResponse submitAndAwait(String body, String status) {
        String ingest = RunningProduct.get().url(RunningProduct.Service.INGEST);
        String location = given().baseUri(ingest)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reports")
                .then().statusCode(202).body("status", equalTo("PENDING"))
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"PENDING".equals(given().baseUri(ingest).when().get(location).then().extract().path("status")));
        return given().baseUri(ingest).when().get(location).then().statusCode(200).body("status", equalTo(status));
    }
}
