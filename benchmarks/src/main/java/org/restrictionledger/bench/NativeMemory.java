package org.restrictionledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's memory goes, by the JVM's own account (Native Memory Tracking, summary level): what the RSS figures
 * are made of. The services started here run with {@link #OPTION} when they are profiled; {@code jcmd
 * VM.native_memory summary} is read once the load is over.
 */
final class NativeMemory {

    static final String OPTION = "-XX:NativeMemoryTracking=summary";

    /** The columns of the table, in order: NMT categories, and the metaspace (reported inside "Class"). */
    static final List<String> COLUMNS = List.of("Java Heap", "Metaspace", "Class", "Code", "Thread", "Symbol", "Other",
            "Shared class space", "GC", "Compiler", "Arena Chunk", "Native Memory Tracking");

    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern SUB_COMMITTED = Pattern.compile("^\\(\\s*reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    /** Committed KB in all and per category ("Metaspace": the non-class metadata, which NMT lists under Class). */
    record Breakdown(long totalKb, Map<String, Long> committedKb) {
    }

    private NativeMemory() {
    }

    /** Parses {@code jcmd <pid> VM.native_memory summary scale=KB}. */
    static Breakdown parse(String summary) {
        long total = -1;
        Map<String, Long> committed = new LinkedHashMap<>();
        boolean metadata = false;
        for (String raw : summary.lines().toList()) {
            String line = raw.strip();
            Matcher m = TOTAL.matcher(line);
            if (m.find()) {
                total = Long.parseLong(m.group(2));
                continue;
            }
            m = CATEGORY.matcher(line);
            if (m.find()) {
                committed.put(m.group(1), Long.parseLong(m.group(3)));
                continue;
            }
            if (line.startsWith("(") && line.contains("Metadata:")) {
                metadata = true;
                continue;
            }
            m = SUB_COMMITTED.matcher(line);
            if (metadata && m.find()) {
                committed.put("Metaspace", Long.parseLong(m.group(2)));
                metadata = false;
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException("not a native memory summary: "
                    + summary.substring(0, Math.min(200, summary.length())));
        }
        return new Breakdown(total, committed);
    }

    /** Each process's breakdown; one that does not answer (not tracked, or gone) is left out. */
    static Map<String, Breakdown> of(Map<String, Long> pids) {
        Map<String, Breakdown> all = new LinkedHashMap<>();
        pids.forEach((instance, pid) -> {
            try {
                all.put(instance, parse(jcmd(pid)));
            } catch (IOException | IllegalArgumentException e) {
                // not started with OPTION (a stack given by URL), or it has stopped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return all;
    }

    private static String jcmd(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary",
                "scale=KB").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " failed: " + out);
        }
        return out;
    }

    /** The section of the results: per instance, its peak RSS, what the JVM has committed, and where. */
    static String markdown(Map<String, Breakdown> memory, Map<String, Long> peakRssBytes) {
        if (memory.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Where the memory went\n\n")
                .append("Each JVM's committed memory by its own account (Native Memory Tracking, summary, read once the ")
                .append("load was over), in MB, beside its peak RSS. What RSS holds beyond the committed total is the C ")
                .append("heap's own overhead and memory the JVM does not track (e.g. glibc arenas). \"Other\" is mostly ")
                .append("direct buffers (Netty, Kafka clients). The minimal endpoint is the floor a Quarkus REST app ")
                .append("starts from.\n\n| instance | peak RSS | committed |");
        COLUMNS.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---|---|").append("---|".repeat(COLUMNS.size())).append('\n');
        memory.forEach((instance, b) -> {
            Long rss = peakRssBytes.get(instance);
            md.append("| ").append(instance).append(" | ")
                    .append(rss == null ? "" : mb(rss / 1024)).append(" | ").append(mb(b.totalKb())).append(" |");
            COLUMNS.forEach(c -> md.append(' ').append(b.committedKb().containsKey(c) ? mb(b.committedKb().get(c)) : "")
                    .append(" |"));
            md.append('\n');
        });
        return md.toString();
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }
}
