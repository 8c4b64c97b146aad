package org.restrictionledger.ingest.api;

import org.junit.jupiter.api.Test;
import org.restrictionledger.ingest.domain.Submissions.Parsed;
import org.restrictionledger.support.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CSV header that names a column twice is ambiguous: which cell is the report's {@code type}? It used to be read
 * silently, and every row was then refused with "the row has 7 cells, the header 6", which names neither the column
 * nor the header as the fault.
 */
class BatchReaderCsvTest {

    @Test
    void aColumnNamedTwiceIsAHeaderProblemNamingIt() {
        ProblemException e = assertThrows(ProblemException.class, () -> BatchReader.csv(
                "type,country,platform,measure,effective,source_url,type\n"
                        + "restriction.imposed,RU,signal,FULL_BLOCK,2026-01-01,https://example.org/a,restriction.lifted\n"));

        assertEquals(400, e.problem().status());
        assertEquals("header", e.problem().errors().get(0).field());
        assertTrue(e.problem().errors().get(0).reason().contains("type"), e.problem().errors().get(0).reason());
    }

    @Test
    void aColumnNamedTwiceInDifferentCaseIsAmbiguousToo() {
        ProblemException e = assertThrows(ProblemException.class, () -> BatchReader.csv(
                "type,Country,country,platform\nrestriction.imposed,RU,KZ,signal\n"));

        assertEquals("header", e.problem().errors().get(0).field());
        assertTrue(e.problem().errors().get(0).reason().contains("country"), e.problem().errors().get(0).reason());
    }

    @Test
    void aHeaderWithDistinctColumnsIsReadRowByRow() {
        List<Parsed> rows = BatchReader.csv("type,country,platform,measure,effective,source_url\n"
                + "restriction.imposed,RU,signal,FULL_BLOCK,2026-01-01,https://example.org/a\n");

        assertEquals(1, rows.size());
        assertFalse(rows.get(0).report() == null);
        assertEquals("RU", rows.get(0).report().country());
    }
}
