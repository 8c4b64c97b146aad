package org.restrictionledger.cli.imports;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLineSaysCountPercentRateAndEta() {
        assertEquals("submitting 120/1000 rows 12% 60.0 rows/s ETA 0:15",
                Progress.line("submitting", "rows", 120, 1000, 2 * SECOND));
        assertEquals("submitting 1000/1000 rows 100% 10.0 rows/s done in 1:40",
                Progress.line("submitting", "rows", 1000, 1000, 100 * SECOND));
        assertEquals("submitting 0/10 rows 0% 0.0 rows/s ETA --:--", Progress.line("submitting", "rows", 0, 10, 0));
    }

    @Test
    void theBarFillsInProportion() {
        assertEquals("deciding [=====>    ] 5/10 rows 50% 5.0 rows/s ETA 0:01",
                Progress.bar("deciding", "rows", 5, 10, SECOND, 10));
        assertEquals("deciding [==========] 10/10 rows 100% 10.0 rows/s done in 0:01",
                Progress.bar("deciding", "rows", 10, 10, SECOND, 10));
    }

    @Test
    void clockReadsHoursMinutesSeconds() {
        assertEquals("0:05", Progress.clock(5));
        assertEquals("2:05", Progress.clock(125));
        assertEquals("1:00:01", Progress.clock(3601));
    }

    @Test
    void withoutATerminalItPrintsAPlainLineEveryPeriodAndTheLastState() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        Progress progress = new Progress("submitting", "rows", 4, Progress.Mode.LINES, new PrintWriter(text), now::get, 5 * SECOND);
        progress.advance(1);
        now.set(6 * SECOND);
        progress.advance(1);
        now.set(7 * SECOND);
        progress.advance(1);
        now.set(8 * SECOND);
        progress.advance(1);
        progress.finish();
        String[] lines = text.toString().split("\n");
        assertEquals(2, lines.length, text.toString());
        assertEquals("submitting 2/4 rows 50% 0.3 rows/s ETA 0:06", lines[0]);
        assertEquals("submitting 4/4 rows 100% 0.5 rows/s done in 0:08", lines[1]);
        assertTrue(!text.toString().contains("\r"));
    }

    @Test
    void onATerminalItRedrawsOneLine() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        Progress progress = new Progress("submitting", "rows", 2, Progress.Mode.BAR, new PrintWriter(text), now::get, SECOND);
        now.set(SECOND);
        progress.advance(1);
        now.set(2 * SECOND);
        progress.advance(1);
        progress.finish();
        assertEquals(3, text.toString().split("\r", -1).length - 1, "two redraws and the final state");
        assertTrue(text.toString().endsWith("done in 0:02   \n"), text.toString());
    }

    @Test
    void noneIsSilent() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress("x", "rows", 1, Progress.Mode.NONE, new PrintWriter(text), System::nanoTime, 0);
        progress.advance(1);
        progress.finish();
        assertEquals("", text.toString());
    }
}
