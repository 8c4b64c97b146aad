package org.restrictionledger.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where each service spent its CPU, from the JDK Flight Recorder recording it wrote while the benchmark ran
 * ({@code -XX:StartFlightRecording}, the JDK's own "profile" settings, dumped when it stops): execution samples
 * grouped by the library their running frame belongs to, and the methods that ran most themselves. A summary for
 * RESULTS.md; the recordings stay in {@code benchmarks/target/bench-logs/*.jfr} for {@code jfr} or JDK Mission Control.
 */
final class Profiles {

    /** Package prefixes of the running frame → what it is, first match wins. */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("org.restrictionledger.", "this product's code");
        AREAS.put("org.postgresql.", "PostgreSQL driver");
        AREAS.put("io.agroal.", "connection pool, transactions");
        AREAS.put("com.arjuna.", "connection pool, transactions");
        AREAS.put("org.hibernate.", "Hibernate ORM");
        AREAS.put("org.apache.kafka.", "Kafka clients");
        AREAS.put("io.smallrye.reactive.messaging.", "SmallRye Reactive Messaging");
        AREAS.put("com.fasterxml.jackson.", "Jackson (JSON)");
        AREAS.put("org.erdtman.", "canonical JSON (RFC 8785)");
        AREAS.put("com.networknt.", "JSON Schema validation");
        AREAS.put("io.netty.", "Netty, Vert.x (HTTP, I/O)");
        AREAS.put("io.vertx.", "Netty, Vert.x (HTTP, I/O)");
        AREAS.put("org.jboss.resteasy.", "Quarkus REST");
        AREAS.put("io.quarkus.", "Quarkus runtime");
        AREAS.put("io.smallrye.", "SmallRye (config, context, Mutiny)");
        AREAS.put("org.jboss.logmanager.", "logging");
        AREAS.put("org.jboss.logging.", "logging");
        AREAS.put("io.micrometer.", "metrics");
        AREAS.put("io.opentelemetry.", "tracing");
        AREAS.put("sun.security.", "JDK crypto");
        AREAS.put("java.security.", "JDK crypto");
        AREAS.put("com.sun.crypto.", "JDK crypto");
        AREAS.put("sun.nio.", "JDK I/O");
        AREAS.put("java.io.", "JDK I/O");
        AREAS.put("java.nio.", "JDK I/O");
        AREAS.put("java.util.regex.", "JDK regex");
        AREAS.put("java.lang.invoke.", "JDK reflection, lambdas");
        AREAS.put("java.lang.reflect.", "JDK reflection, lambdas");
        AREAS.put("jdk.internal.reflect.", "JDK reflection, lambdas");
        AREAS.put("java.", "JDK (collections, strings, …)");
        AREAS.put("jdk.", "JDK (collections, strings, …)");
        AREAS.put("sun.", "JDK (collections, strings, …)");
    }

    private static final int TOP = 8;

    private Profiles() {
    }

    /** Java options that make a service record its profile into {@code file} (written when it stops). */
    static String recordingOption(Path file) {
        return "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file;
    }

    /**
     * One service's samples: how many, by area, by the product's method nearest the running frame (what the product
     * was doing when the CPU was spent, the libraries it called included), and the methods that ran most themselves.
     */
    record Profile(String instance, long samples, Map<String, Long> byArea, Map<String, Long> byProductMethod,
                   Map<String, Long> topMethods) {
    }

    static final String NO_PRODUCT_FRAME = "(none: framework threads, I/O, start-up)";

    static Profile read(String instance, Path recording) throws IOException {
        Map<String, Long> byArea = new TreeMap<>();
        Map<String, Long> methods = new TreeMap<>();
        Map<String, Long> product = new TreeMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                RecordedFrame top = stack.getFrames().get(0);
                String type = top.getMethod().getType().getName();
                samples++;
                byArea.merge(area(type), 1L, Long::sum);
                methods.merge(simple(type) + "." + top.getMethod().getName(), 1L, Long::sum);
                product.merge(nearestProductFrame(stack), 1L, Long::sum);
            }
        }
        return new Profile(instance, samples, sorted(byArea, Integer.MAX_VALUE), sorted(product, TOP),
                sorted(methods, TOP));
    }

    /** The innermost frame of this product's own classes (not the proxies Quarkus generates beside them). */
    private static String nearestProductFrame(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.restrictionledger.") && !type.contains("_Subclass") && !type.contains("_ClientProxy")
                    && !type.contains("$$")) {
                return simple(type) + "." + frame.getMethod().getName();
            }
        }
        return NO_PRODUCT_FRAME;
    }

    static String area(String type) {
        return AREAS.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other libraries");
    }

    /** Every {@code *.jfr} in {@code dir} (one per service instance), summarised as a Markdown section. */
    static String markdown(Path dir) throws IOException {
        List<Path> recordings;
        try (Stream<Path> files = Files.list(dir)) {
            recordings = files.filter(f -> f.getFileName().toString().endsWith(".jfr")).sorted().toList();
        }
        if (recordings.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n## Profiles (JDK Flight Recorder, whole run)\n\n");
        out.append("CPU samples of each service over the whole run, by the library of the frame that was running, and ")
                .append("the methods that ran most themselves. Recordings: `benchmarks/target/bench-logs/*.jfr` ")
                .append("(open with `jfr print` or JDK Mission Control).\n");
        for (Path recording : recordings) {
            String instance = recording.getFileName().toString().replace(".jfr", "");
            Profile profile;
            try {
                profile = read(instance, recording);
            } catch (IOException | RuntimeException e) {
                out.append("\n**").append(instance).append("**: recording unreadable (").append(e.getMessage()).append(")\n");
                continue;
            }
            out.append("\n**").append(instance).append("** (").append(profile.samples()).append(" samples)\n\n");
            out.append("| area (running frame) | share | | this product's method nearest on the stack | share | | ")
                    .append("method (self) | share |\n|---|---|---|---|---|---|---|---|\n");
            List<Map.Entry<String, Long>> areas = List.copyOf(profile.byArea().entrySet());
            List<Map.Entry<String, Long>> product = List.copyOf(profile.byProductMethod().entrySet());
            List<Map.Entry<String, Long>> methods = List.copyOf(profile.topMethods().entrySet());
            int rows = Math.max(Math.min(areas.size(), TOP), Math.max(product.size(), methods.size()));
            for (int i = 0; i < rows; i++) {
                out.append("| ").append(cell(i < TOP ? areas : List.of(), i, false, profile.samples()))
                        .append(" | | ").append(cell(product, i, true, profile.samples()))
                        .append(" | | ").append(cell(methods, i, true, profile.samples())).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(List<Map.Entry<String, Long>> entries, int i, boolean code, long samples) {
        if (i >= entries.size()) {
            return " | ";
        }
        String name = entries.get(i).getKey();
        return (code && !name.startsWith("(") ? "`" + name + "`" : name) + " | " + percent(entries.get(i).getValue(), samples);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts, int limit) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
