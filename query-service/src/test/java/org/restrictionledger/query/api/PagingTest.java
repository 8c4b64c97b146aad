package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.query.read.Keyset;
import org.restrictionledger.query.read.Timeline;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every list that can grow pages with the same opaque keyset cursor: no repeats, no gaps, bad cursors named. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class PagingTest {

    private static final List<Source> SOURCES = List.of(new Source(null, "Example News", null));

    private static RestrictionImposed block(int year) {
        return new RestrictionImposed(Measure.FULL_BLOCK, List.of(), "Regulator", null, "reason",
                Effective.day(LocalDate.of(year, 1, 1)), SOURCES);
    }

    /** Walks a list page by page, checking each page's size, and returns every item's {@code field}. */
    private static List<String> walk(String path, Map<String, Object> params, String list, String field, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new HashMap<>(params);
            query.put("limit", limit);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = given().queryParams(query).when().get(path).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList(list + "." + field);
            cursor = page.getString("nextCursor");
            assertTrue(items.size() <= limit, items.toString());
            assertTrue(cursor == null || items.size() == limit, "a page that is not the last is full: " + items);
            seen.addAll(items);
        } while (cursor != null);
        return seen;
    }

    @Test
    void countriesAndAPlatformsCountriesPageWithoutRepeatsOrGaps() {
        List<TestEvents> countries = Stream.generate(TestEvents::new).limit(3).toList();
        countries.forEach(c -> c.publish("viber", block(2024)));
        countries.forEach(c -> c.awaitVersion("viber", 1));
        List<String> mine = countries.stream().map(c -> c.country).sorted().toList();

        List<String> all = given().queryParam("limit", 500).when().get("/api/v1/countries").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath().getList("countries.country");
        List<String> paged = walk("/api/v1/countries", Map.of(), "countries", "country", 2);
        assertEquals(all, paged);
        assertEquals(paged.stream().sorted().distinct().toList(), paged, "in key order, each once");
        assertTrue(paged.containsAll(mine), paged.toString());

        List<String> viber = walk("/api/v1/platforms/viber/countries", Map.of(), "countries", "stream", 1);
        assertEquals(viber.stream().sorted().distinct().toList(), viber);
        assertTrue(viber.containsAll(mine.stream().map(c -> c + "/viber").toList()), viber.toString());
        // Time travel pages the same way.
        assertEquals(viber, walk("/api/v1/platforms/viber/countries", Map.of("asOf", "2025-01-01"), "countries", "stream", 2));
    }

    @Test
    void finesPageByDateOfImpositionWithTotalsOverEveryPage() {
        TestEvents events = new TestEvents();
        for (int i = 1; i <= 5; i++) {
            events.publish(i % 2 == 0 ? "vk" : "telegram", new FineImposed(new BigDecimal(i + "000.00"), "RUB", "Court",
                    null, null, Effective.day(LocalDate.of(2020 + i, 1, 1)), SOURCES));
        }
        events.awaitVersion("telegram", 3);
        events.awaitVersion("vk", 2);

        Map<String, Object> mine = Map.of("country", events.country);
        List<String> dates = walk("/api/v1/fines", mine, "fines", "imposedOn.date", 2);
        assertEquals(List.of("2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01"), dates);
        String cursor = given().queryParams(mine).queryParam("limit", 2).when().get("/api/v1/fines").then()
                .statusCode(200).body("count", equalTo(5)).body("totals[0].amount", equalTo("15000.00"))
                .body("fines.size()", equalTo(2)).extract().path("nextCursor");
        given().queryParams(mine).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/fines").then()
                .statusCode(200).body("count", equalTo(5)).body("totals[0].amount", equalTo("15000.00"))
                .body("fines.imposedOn.date", equalTo(List.of("2023-01-01", "2024-01-01")));
        // CSV is the whole list.
        String csv = given().queryParams(mine).queryParam("format", "csv").when().get("/api/v1/fines").then()
                .statusCode(200).extract().asString();
        assertEquals(6, csv.split("\r\n").length, csv);
    }

    @Test
    void aBadCursorOrLimitIsAProblemNamingTheParameter() {
        String timelineCursor = Timeline.Cursor.decode(Keyset.encode("2025-01-01", "RU/vk", 1)).encode();
        for (String path : List.of("/api/v1/countries", "/api/v1/platforms/viber/countries", "/api/v1/fines",
                "/api/v1/countries/RU/timeline")) {
            given().queryParam("cursor", "not a cursor!").when().get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
            given().queryParam("limit", 0).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
            given().queryParam("limit", 501).when().get(path).then().statusCode(400).body("errors[0].field", equalTo("limit"));
            given().queryParam("limit", "ten").when().get(path).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }
        // A cursor of another list is not one of this list.
        given().queryParam("cursor", timelineCursor).when().get("/api/v1/countries").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", Keyset.encode("RU")).when().get("/api/v1/fines").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
