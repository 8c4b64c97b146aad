package org.restrictionledger.query.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which cells a spreadsheet would run, and what the export writes instead. */
class CsvTest {

    @Test
    void textThatASpreadsheetWouldRunGetsAQuote() {
        assertEquals("'=HYPERLINK(\"http://evil\")", Csv.cell("=HYPERLINK(\"http://evil\")"));
        assertEquals("'+1+1", Csv.cell("+1+1"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'@SUM(A1:A9)", Csv.cell("@SUM(A1:A9)"));
        assertEquals("'\t=1", Csv.cell("\t=1"));
        assertEquals("'\r=1", Csv.cell("\r=1"));
    }

    @Test
    void everythingElseIsWrittenAsItIs() {
        assertEquals("Roskomnadzor", Csv.cell("Roskomnadzor"));
        assertEquals("a = b", Csv.cell("a = b"));
        assertEquals("", Csv.cell(""));
        assertEquals("", Csv.cell(null));
        assertEquals("-1.50", Csv.cell(new BigDecimal("-1.50")), "a number is never a formula");
        assertEquals("2026-02-12", Csv.cell(LocalDate.of(2026, 2, 12)));
    }
}
