package org.restrictionledger.cli.imports;

import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.imports.RowResult.Outcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The end of an import: how many rows came to what, rejections grouped by reason, invalid rows with their errors. */
public record Summary(Path file, ReportFormat format, List<RowResult> rows, Path rejectsFile) {

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        rows.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    public long replayed() {
        return rows.stream().filter(RowResult::replayed).count();
    }

    /** INCOMPLETE when a row is pending or was not taken (run again); FINDINGS when one was refused; else OK. */
    public int exitCode() {
        Map<Outcome, Integer> counts = counts();
        if (counts.get(Outcome.PENDING) > 0 || counts.get(Outcome.UNAVAILABLE) > 0) {
            return ExitCode.INCOMPLETE;
        }
        return counts.get(Outcome.REJECTED) + counts.get(Outcome.INVALID) > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The rows the operator has to fix: refused by the ledger or by ingest. */
    public List<RowResult> toFix() {
        return rows.stream().filter(r -> r.outcome() == Outcome.REJECTED || r.outcome() == Outcome.INVALID).toList();
    }

    public String render() {
        Map<Outcome, Integer> counts = counts();
        StringBuilder out = new StringBuilder();
        out.append("Imported ").append(file).append(" (").append(format.name()).append(", ").append(rows.size())
                .append(rows.size() == 1 ? " row" : " rows").append(")\n");
        for (Outcome outcome : Outcome.values()) {
            int n = counts.get(outcome);
            if (n > 0 || outcome.ordinal() <= Outcome.INVALID.ordinal()) {
                out.append(String.format(Locale.ROOT, "  %-12s %d%n", outcome.name().toLowerCase(Locale.ROOT), n));
            }
        }
        long replayed = replayed();
        if (replayed > 0) {
            out.append("  (").append(replayed).append(replayed == 1 ? " row was" : " rows were")
                    .append(" submitted by an earlier run: ingest answered the same submission, nothing recorded twice)\n");
        }
        Map<String, List<Integer>> rejected = byReason(rows.stream().filter(r -> r.outcome() == Outcome.REJECTED).toList());
        if (!rejected.isEmpty()) {
            out.append("\nRejected by the ledger, by reason:\n");
            rejected.forEach((reason, numbers) -> out.append(String.format(Locale.ROOT, "  %d × %s%n      %s%n",
                    numbers.size(), reason, rowList(numbers))));
        }
        List<RowResult> invalid = rows.stream().filter(r -> r.outcome() == Outcome.INVALID).toList();
        if (!invalid.isEmpty()) {
            out.append("\nInvalid (refused by ingest, not submitted):\n");
            invalid.forEach(r -> out.append("  row ").append(r.row()).append(": ").append(r.reason()).append('\n'));
        }
        Map<String, List<Integer>> unavailable = byReason(rows.stream().filter(r -> r.outcome() == Outcome.UNAVAILABLE).toList());
        if (!unavailable.isEmpty()) {
            out.append("\nNot taken (run the same command again to resume):\n");
            unavailable.forEach((reason, numbers) -> out.append("  ").append(reason).append(": ").append(rowList(numbers)).append('\n'));
        }
        List<Integer> pending = rows.stream().filter(r -> r.outcome() == Outcome.PENDING).map(RowResult::row).toList();
        if (!pending.isEmpty()) {
            out.append("\nStill pending when rl stopped waiting (run the same command again to follow them): ")
                    .append(rowList(pending)).append('\n');
        }
        if (rejectsFile != null) {
            out.append("\nRejected and invalid rows are in ").append(rejectsFile)
                    .append(" with the reason in rl_error: fix them there and import that file.\n");
        }
        return out.toString();
    }

    /** Reasons with their rows, the most frequent first, then alphabetically. */
    static Map<String, List<Integer>> byReason(Collection<RowResult> results) {
        Map<String, List<Integer>> grouped = new TreeMap<>();
        results.forEach(r -> grouped.computeIfAbsent(r.reason() == null ? "(no reason given)" : r.reason(),
                k -> new ArrayList<>()).add(r.row()));
        return grouped.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** {@code row 3}, {@code rows 2-4, 9}: consecutive numbers as ranges. */
    static String rowList(List<Integer> numbers) {
        List<Integer> sorted = numbers.stream().sorted().toList();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int from = sorted.get(i);
            int to = from;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == to + 1) {
                to = sorted.get(++i);
            }
            parts.add(from == to ? Integer.toString(from) : from + "-" + to);
        }
        return (sorted.size() == 1 ? "row " : "rows ") + String.join(", ", parts);
    }
}
