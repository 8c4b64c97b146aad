package org.restrictionledger.support.input;

import org.junit.jupiter.api.Test;
import org.restrictionledger.support.problem.ProblemException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest {

    enum Measure { FULL_BLOCK, THROTTLING }

    @Test
    void anEnumIsReadInAnyCaseWithHyphensOrSpacesForUnderscores() {
        for (String text : new String[] {"FULL_BLOCK", "full-block", " Full Block ", "full_block"}) {
            assertEquals(Optional.of(Measure.FULL_BLOCK), Values.enumConstant(Measure.class, text), text);
        }
        assertEquals(Optional.empty(), Values.enumConstant(Measure.class, "fullblock"));
        assertNull(Values.enumValue("measure", null, Measure.class));
    }

    @Test
    void anUnknownEnumNamesTheFieldAndEveryChoice() {
        ProblemException e = assertThrows(ProblemException.class, () -> Values.enumValue("measure", "nope", Measure.class));
        assertEquals("measure", e.problem().errors().get(0).field());
        assertEquals("'nope': expected one of FULL_BLOCK, THROTTLING", e.problem().errors().get(0).reason());
        assertNull(Values.enumProblem(Measure.class, "throttling"));
    }

    @Test
    void aNumberOutsideItsRangeOrNotANumberIsRefusedWithTheReason() {
        assertEquals(5L, Values.number("limit", " 5 ", 1, 10));
        assertNull(Values.number("limit", null, 1, 10));
        assertEquals("between 1 and 10, was 11", Values.numberProblem("11", 1, 10));
        assertEquals("'ten' is not a whole number", Values.numberProblem("ten", 1, 10));
        assertEquals("'99999999999999999999' is not a whole number", Values.numberProblem("99999999999999999999", 1, 10));
        ProblemException e = assertThrows(ProblemException.class, () -> Values.number("limit", "0", 1, 10));
        assertEquals("limit", e.problem().errors().get(0).field());
    }

    @Test
    void datesInstantsAndIds() {
        assertEquals(LocalDate.of(2026, 2, 12), Values.date("asOf", "2026-02-12"));
        assertTrue(Values.dateProblem("12/02/2026").contains("is not a date"));
        assertThrows(ProblemException.class, () -> Values.instant("knownAt", "2026-02-12T10:00:00"));
        UUID id = UUID.randomUUID();
        assertEquals(Optional.of(id), Values.uuid(id.toString()));
        assertEquals(Optional.empty(), Values.uuid("1-1-1-1-1"), "UUID.fromString accepts this; an id must be canonical");
        assertThrows(ProblemException.class, () -> Values.uuid("eventId", "x"));
    }

    @Test
    void anExcerptOfALongValueIsQuotedNeverAllOfIt() {
        String problem = Values.enumProblem(Measure.class, "x".repeat(10_000));
        assertTrue(problem.length() < 200, problem);
    }
}
