package org.restrictionledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What Linux says about a process in {@code /proc}: resident memory and CPU time. Empty when the process is gone. */
final class ProcessStats {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on. */
    private static final int TICKS = 100;

    private ProcessStats() {
    }

    /** VmRSS: resident set size now, in bytes. */
    static OptionalLong rss(long pid) {
        return kilobytes(statusField(pid, "VmRSS:"));
    }

    /** VmHWM: the peak resident set size since the process started, in bytes. */
    static OptionalLong peakRss(long pid) {
        return kilobytes(statusField(pid, "VmHWM:"));
    }

    /** User + system CPU time so far, in milliseconds. */
    static OptionalLong cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalLong.of(ticks * 1000 / TICKS);
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /** How many threads the process has now. */
    static OptionalLong threads(long pid) {
        return statusField(pid, "Threads:");
    }

    private static OptionalLong kilobytes(OptionalLong kb) {
        return kb.isPresent() ? OptionalLong.of(kb.getAsLong() * 1024) : kb;
    }

    /** The number a line of {@code /proc/<pid>/status} starts with after {@code field} (its unit, if any, dropped). */
    private static OptionalLong statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }
}
