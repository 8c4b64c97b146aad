package org.restrictionledger.query.api;

import org.restrictionledger.query.TestEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class TimelineTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private final TestEvents events = new TestEvents();
    private final String country = events.country;

    private RecordedEvent publish(String platform, LedgerEvent event) {
        return events.publish(platform, event);
    }

    private void awaitVersion(String platform, long version) {
        events.awaitVersion(platform, version);
    }

    private static RestrictionImposed imposed(Measure measure, LocalDate date) {
        return new RestrictionImposed(measure, List.of(), "Roskomnadzor", null, null, Effective.day(date), SOURCES);
    }

    @Test
    void theTimelineIsInEffectiveDateOrderAndMarksCorrectedEvents() {
        RecordedEvent block = publish("whatsapp", imposed(Measure.FULL_BLOCK, LocalDate.of(2026, 2, 12)));
        RecordedEvent limit = publish("whatsapp", new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("voice_calls"),
                "Roskomnadzor", null, null, new Effective(LocalDate.of(2025, 1, 1), Precision.YEAR), SOURCES));
        RecordedEvent fine = publish("whatsapp", new FineImposed(new BigDecimal("3000000.00"), "RUB", "Court", null,
                null, Effective.day(LocalDate.of(2025, 6, 1)), SOURCES));
        publish("whatsapp", new FinePaid(fine.eventId(), null, null, Effective.day(LocalDate.of(2025, 7, 1)), SOURCES));
        RecordedEvent retraction = publish("whatsapp", new RecordCorrected(block.eventId(), RecordCorrected.Action.RETRACT,
                null, "misreported", Effective.day(LocalDate.of(2026, 2, 13)), SOURCES));
        awaitVersion("whatsapp", 5);

        JsonPath page = given().when().get("/api/v1/countries/" + country + "/timeline?platform=WhatsApp")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = page.getList("items.eventId");
        assertEquals(5, ids.size());
        assertEquals(List.of(limit.eventId().toString(), fine.eventId().toString()), ids.subList(0, 2));
        assertEquals(List.of(block.eventId().toString(), retraction.eventId().toString()), ids.subList(3, 5));
        assertEquals(List.of("restriction.imposed", "fine.imposed", "fine.paid", "restriction.imposed", "record.corrected"),
                page.getList("items.type"));
        assertEquals(retraction.eventId().toString(), page.getString("items[3].correctedBy.eventId"));
        assertEquals("RETRACT", page.getString("items[3].correctedBy.action"));
        assertNull(page.get("items[0].correctedBy"));
        assertNull(page.get("nextCursor"));

        given().when().get("/api/v1/countries/" + country + "/platforms/whatsapp")
                .then().statusCode(200)
                .body("status", equalTo("RESTRICTED"))
                .body("fineSummary.count", equalTo(1))
                .body("fineSummary.totals[0].amount", equalTo("3000000.00"))
                .body("fineSummary.outstanding.size()", equalTo(0))
                .body("fines[0].state", equalTo("PAID"));
    }

    @Test
    void pagesFollowEachOtherWithoutDuplicatesOrGaps() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String platform = "p" + i;
            published.add(publish(platform, imposed(Measure.THROTTLING, LocalDate.of(2024, 1 + i % 3, 1))).eventId().toString());
        }
        for (int i = 0; i < 7; i++) {
            awaitVersion("p" + i, 1);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = given().queryParam("limit", 3).queryParam("type", "restriction.imposed")
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get("/api/v1/countries/" + country + "/timeline")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.eventId"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(new java.util.TreeSet<>(published), new java.util.TreeSet<>(seen));
        assertEquals(7, seen.stream().distinct().count());
    }

    @Test
    void badParametersAreNamed() {
        given().when().get("/api/v1/countries/RU/timeline?limit=501").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().when().get("/api/v1/countries/RU/timeline?cursor=nonsense").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().when().get("/api/v1/countries/RU/timeline?type=restriction.nuked").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().when().get("/api/v1/countries/RU/timeline?from=2026-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().when().get("/api/v1/countries/Atlantis/timeline").then().statusCode(404)
                .body("nextCursor", nullValue());
    }
}
