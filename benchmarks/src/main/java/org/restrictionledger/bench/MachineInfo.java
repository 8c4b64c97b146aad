package org.restrictionledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a run happened: cores, memory, JDK, the commit measured, and how busy the machine was. */
record MachineInfo(int cores, long memoryBytes, String jdk, String commit, String os) {

    static MachineInfo capture(Path root) {
        String dirty = git(root, "status", "--porcelain", "--untracked-files=no").isBlank() ? "" : " (with uncommitted changes)";
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                git(root, "rev-parse", "--short=12", "HEAD").strip() + dirty,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The 1, 5 and 15 minute load averages, as the kernel reports them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Share of all cores busy over the next {@code millis} ms (from /proc/stat), 0–100. */
    static double busyPercent(long millis) {
        long[] a = cpuTimes();
        Pause.millis(millis);
        long[] b = cpuTimes();
        long total = b[0] - a[0];
        return total <= 0 ? Double.NaN : 100.0 * (total - (b[1] - a[1])) / total;
    }

    private static long[] cpuTimes() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total, idle};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String git(Path root, String... args) {
        try {
            Process git = new ProcessBuilder(concat(List.of("git", "-C", root.toString()), args)).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
