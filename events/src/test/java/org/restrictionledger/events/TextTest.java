package org.restrictionledger.events;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @Test
    void freeTextTakesAnyScriptLayoutAndBidiButNoControlOrBrokenSurrogate() {
        assertNull(Text.freeTextProblem("Роскомнадзор: отказ\tсотрудничать\r\nline 2"));
        assertNull(Text.freeTextProblem("قانون \u200Fمكافحة\u200F 😀"));
        assertEquals("contains the control character U+0000 at position 2", Text.freeTextProblem("a\u0000b"));
        assertEquals("contains the control character U+0085 at position 1", Text.freeTextProblem("\u0085"));
        assertEquals("contains the control character U+007F at position 1", Text.freeTextProblem("\u007F"));
        assertEquals("contains an unpaired surrogate (U+D800) at position 2", Text.freeTextProblem("a\uD800b"));
        assertEquals("contains an unpaired surrogate (U+DC00) at position 1", Text.freeTextProblem("\uDC00"));
        assertEquals("contains the noncharacter U+FFFF at position 1", Text.freeTextProblem("\uFFFF"));
    }

    @Test
    void codesTakeNoInvisibleCharacterNoLayoutAndNoBidiControl() {
        assertNull(Text.codeProblem("Russian Federation"));
        assertNull(Text.codeProblem("whatsapp"));
        assertTrue(Text.codeProblem("\u202ERU").contains("U+202E"));
        assertTrue(Text.codeProblem("whatsapp\u200B").contains("U+200B"));
        assertTrue(Text.codeProblem("\uFEFFRU").contains("U+FEFF"));
        assertTrue(Text.codeProblem("RU\u2066").contains("U+2066"));
        assertTrue(Text.codeProblem("RU\tX").contains("U+0009"));
        assertTrue(Text.codeProblem("RU\u2028").contains("U+2028"));
    }

    @Test
    void datesRunFromYearOneToYear9999() {
        assertTrue(Text.inDateRange(LocalDate.of(1, 1, 1)));
        assertTrue(Text.inDateRange(LocalDate.of(9999, 12, 31)));
        assertFalse(Text.inDateRange(LocalDate.of(0, 12, 31)));
        assertFalse(Text.inDateRange(LocalDate.of(-5000, 1, 1)));
        assertFalse(Text.inDateRange(LocalDate.of(10000, 1, 1)));
    }
}
