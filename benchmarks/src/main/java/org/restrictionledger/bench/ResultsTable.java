package org.restrictionledger.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown: the machine, the one table, and where the CPU went in each phase. */
final class ResultsTable {

    private ResultsTable() {
    }

    static String render(Options options, MachineInfo machine, Instant started, Instant finished, String loadBefore,
                         double busyBefore, String loadAfter, List<Row> rows, Map<String, Map<String, Double>> cpu,
                         List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `benchmarks/run.sh` (module `benchmarks`); see README, \"Performance\". Every figure below "
                + "was measured in one run, on one broker and one database, driving the product through its public "
                + "HTTP API only.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| form | ").append(options.form()).append(options.targetsRunningStack() ? " (running stack given by URLs)" : " (local stack started by the harness)").append(" |\n");
        md.append("| run | ").append(started).append(" → ").append(finished).append(" |\n");
        md.append("| commit | ").append(machine.commit()).append(" |\n");
        md.append("| machine | ").append(machine.cores()).append(" cores, ")
                .append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / (1024.0 * 1024 * 1024)))
                .append(" memory, ").append(machine.os()).append(" |\n");
        md.append("| JDK | ").append(machine.jdk()).append(" |\n");
        md.append("| load before | load average ").append(loadBefore).append("; ")
                .append(String.format(Locale.ROOT, "%.0f%%", busyBefore))
                .append(" of all cores busy in the 3 s before the run (other processes) |\n");
        md.append("| load after | load average ").append(loadAfter).append(" |\n\n");

        md.append("| figure | measured | baseline, same run | target (issue #9) | | 2 ledger + 2 query instances | notes |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.figure()).append(" | ").append(row.measured()).append(" | ").append(row.baseline())
                    .append(" | ").append(row.target()).append(" | ").append(row.verdict()).append(" | ")
                    .append(row.twoInstances()).append(" | ").append(row.notes()).append(" |\n");
        }
        if (!cpu.isEmpty()) {
            md.append("\n## Where the CPU went\n\nCPU time per process during each phase, in % of one core "
                    + "(the machine has ").append(machine.cores()).append(" cores, so ")
                    .append(machine.cores() * 100).append("% is all of it). `postgres` is the server and all its "
                    + "backends; `harness` is the load generator itself.\n\n");
            List<String> processes = cpu.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
            md.append("| phase |");
            processes.forEach(p -> md.append(' ').append(p).append(" |"));
            md.append("\n|---|");
            processes.forEach(p -> md.append("---|"));
            md.append('\n');
            cpu.forEach((phase, byProcess) -> {
                md.append("| ").append(phase).append(" |");
                processes.forEach(p -> {
                    Double v = byProcess.get(p);
                    md.append(' ').append(v == null ? "" : String.format(Locale.ROOT, "%.0f%%", v)).append(" |");
                });
                md.append('\n');
            });
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    static String rate(double perSecond) {
        return Double.isFinite(perSecond) ? String.format(Locale.ROOT, "%,.0f", perSecond) : "n/a";
    }

    static String millis(double ms) {
        return Double.isFinite(ms) ? String.format(Locale.ROOT, "%,.0f ms", ms) : "n/a";
    }

    static String ratio(double value, double baseline) {
        return Double.isFinite(value) && Double.isFinite(baseline) && baseline > 0
                ? String.format(Locale.ROOT, "%.3f×", value / baseline) : "n/a";
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
