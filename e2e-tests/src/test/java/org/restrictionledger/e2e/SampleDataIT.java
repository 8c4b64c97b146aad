package org.restrictionledger.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.restrictionledger.infra.SampleData;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample data that {@code ./run-local.sh} loads, loaded the same way (through the ingest API), and what the
 * dashboards then see of Russia.
 */
class SampleDataIT {

    private static final RunningProduct PRODUCT = RunningProduct.get();
    private static SampleData.Loaded loaded;

    @BeforeAll
    static void load() {
        loaded = SampleDataOnce.get();
    }

    private static JsonPath russia() {
        return given().baseUri(PRODUCT.url(RunningProduct.Service.QUERY))
                .when().get("/api/v1/countries/RU/platforms").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyFactIsAcceptedAndTheStatusesFollowThePrecedence() {
        assertEquals(10, loaded.accepted());
        assertEquals(0, loaded.rejected());
        await().atMost(Duration.ofSeconds(60)).until(() -> russia().getList("platforms").size() == 7);

        JsonPath russia = russia();
        Map<String, String> statuses = russia.<Map<String, Object>>getList("platforms").stream()
                .collect(Collectors.toMap(p -> (String) p.get("stream"), p -> (String) p.get("status")));
        assertEquals(Map.of("RU/whatsapp", "BLOCKED", "RU/facebook", "BLOCKED", "RU/instagram", "BLOCKED",
                "RU/telegram", "RESTRICTED", "RU/facetime", "RESTRICTED", "RU/youtube", "THROTTLED",
                "RU/max", "OPEN"), statuses);
        assertEquals(List.of("voice_calls"), russia.getList("platforms.find { it.stream == 'RU/whatsapp' }.restrictedFeatures"));
        assertEquals(Boolean.TRUE, russia.get("platforms.find { it.stream == 'RU/max' }.promoted"));
        assertEquals(List.of("whatsapp", "telegram"), russia.getList("platforms.find { it.stream == 'RU/max' }.promotion.replaces"));
        assertEquals(Integer.valueOf(1), russia.get("platforms.find { it.stream == 'RU/whatsapp' }.fineSummary.count"));
    }

    @Test
    void theHistoryOfWhatsappShowsEveryStepInEffectiveDateOrder() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(PRODUCT.url(RunningProduct.Service.QUERY))
                .when().get("/api/v1/countries/RU/platforms/whatsapp").then().statusCode(200).body("version", equalTo(4)));
        JsonPath timeline = given().baseUri(PRODUCT.url(RunningProduct.Service.QUERY))
                .when().get("/api/v1/countries/RU/timeline?platform=whatsapp").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FEATURE_LIMIT", "DOMAIN_DELISTING", "FULL_BLOCK"),
                timeline.getList("items.findAll { it.type == 'restriction.imposed' }.event.measure"));
        List<String> dates = timeline.getList("items.effective.date");
        assertEquals(dates.stream().sorted().toList(), dates);
        assertEquals(4, dates.size());

        given().baseUri(PRODUCT.url(RunningProduct.Service.LEDGER))
                .when().get("/api/v1/streams/RU/whatsapp/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("checked", equalTo(4));
        assertTrue(loaded.accepted() > 0);
    }
}
