package org.restrictionledger.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Memory and CPU of the processes under test, from {@code /proc}: the peak resident set of each service instance
 * while load runs (sampled every second), and CPU time per process, per phase, to say which one was saturated.
 */
final class ResourceMonitor implements AutoCloseable {

    private final Supplier<Map<String, Long>> processes;
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean loaded;
    private volatile boolean running = true;

    /** @param processes the processes to watch by name, asked again at every sample (instances join later) */
    ResourceMonitor(Supplier<Map<String, Long>> processes) {
        this.processes = processes;
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** RSS counts toward the peak only between {@code loaded(true)} and {@code loaded(false)}. */
    void loaded(boolean underLoad) {
        this.loaded = underLoad;
    }

    /** The largest VmRSS seen under load, per process name. */
    Map<String, Long> peakRss() {
        return Map.copyOf(peakRss);
    }

    /** CPU milliseconds used so far, per process name (PostgreSQL: the postmaster and all its backends). */
    Map<String, Long> cpu() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        processes.get().forEach((name, pid) -> {
            OptionalLong millis = "postgres".equals(name) ? treeCpu(pid) : ProcessStats.cpuMillis(pid);
            millis.ifPresent(m -> cpu.put(name, m));
        });
        ProcessStats.cpuMillis(ProcessHandle.current().pid()).ifPresent(m -> cpu.put("harness", m));
        return cpu;
    }

    private void sample() {
        while (running) {
            if (loaded) {
                processes.get().forEach((name, pid) -> {
                    if (!"postgres".equals(name) && !"kafka".equals(name)) {
                        ProcessStats.rss(pid).ifPresent(rss -> peakRss.merge(name, rss, Math::max));
                    }
                });
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** CPU of a process and its direct children (PostgreSQL's backends are children of the postmaster). */
    private static OptionalLong treeCpu(long parent) {
        OptionalLong own = ProcessStats.cpuMillis(parent);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : all) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[1]) == parent) {
                        total += ProcessStats.cpuMillis(Long.parseLong(process.getFileName().toString())).orElse(0);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return own;
        }
        return OptionalLong.of(total);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
