package org.restrictionledger.cli.imports;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: on a terminal a bar redrawn in place ({@code \r}) at most ten times a second; otherwise (a
 * pipe, a CI log) a plain line every few seconds; each with count, percentage, rate and ETA. Thread-safe.
 */
public final class Progress {

    public enum Mode {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        BAR,
        LINES,
        NONE
    }

    private static final long BAR_EVERY = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final String unit;
    private final long total;
    private final Mode mode;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long linesEvery;
    private final long start;
    private long done;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean finished;

    /**
     * @param mode       never AUTO here: see {@link #resolve}
     * @param linesEvery in LINES mode, nanoseconds between two lines
     */
    public Progress(String label, String unit, long total, Mode mode, PrintWriter err, LongSupplier nanoTime,
                    long linesEvery) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.mode = mode;
        this.err = err;
        this.nanoTime = nanoTime;
        this.linesEvery = linesEvery;
        this.start = nanoTime.getAsLong();
    }

    public static Progress start(String label, String unit, long total, Mode mode, PrintWriter err) {
        return new Progress(label, unit, total, resolve(mode), err, System::nanoTime, 5_000_000_000L);
    }

    /** AUTO: a bar when stderr is likely a terminal (a console is attached and TERM is not "dumb"), else lines. */
    static Mode resolve(Mode mode) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal ? Mode.BAR : Mode.LINES;
    }

    public synchronized void advance(long n) {
        done += n;
        long now = nanoTime.getAsLong();
        if (mode == Mode.BAR && (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= BAR_EVERY)) {
            err.print("\r" + bar(label, unit, done, total, now - start, BAR_WIDTH) + "   ");
            err.flush();
            lastDrawn = now;
        } else if (mode == Mode.LINES && (lastDrawn == Long.MIN_VALUE ? now - start >= linesEvery : now - lastDrawn >= linesEvery)) {
            err.println(line(label, unit, done, total, now - start));
            err.flush();
            lastDrawn = now;
        }
    }

    /** The last state, always shown (then the bar's line ends). */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        long elapsed = nanoTime.getAsLong() - start;
        if (mode == Mode.BAR) {
            err.println("\r" + bar(label, unit, done, total, elapsed, BAR_WIDTH) + "   ");
        } else if (mode == Mode.LINES) {
            err.println(line(label, unit, done, total, elapsed));
        }
        err.flush();
    }

    /** {@code submitting  120/1000 rows  12%  85.0 rows/s  ETA 0:10}. */
    static String line(String label, String unit, long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String percent = total > 0 ? String.format(Locale.ROOT, "%3d%%", done * 100 / total) : "";
        String eta = done >= total ? "done in " + clock(Math.round(seconds))
                : rate > 0 ? "ETA " + clock(Math.round((total - done) / rate)) : "ETA --:--";
        return String.format(Locale.ROOT, "%s %d/%d %s %s %.1f %s/s %s", label, done, total, unit, percent, rate,
                unit, eta).replaceAll(" +", " ");
    }

    /** {@code submitting [=========>          ] 120/1000 rows 12% 85.0 rows/s ETA 0:10}. */
    static String bar(String label, String unit, long done, long total, long elapsedNanos, int width) {
        int filled = total > 0 ? (int) Math.min(width, done * width / total) : 0;
        String bar = "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "");
        String text = line(label, unit, done, total, elapsedNanos);
        return label + " [" + bar + "]" + text.substring(label.length());
    }

    /** h:mm:ss or m:ss. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
