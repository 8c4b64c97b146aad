package org.restrictionledger.cli.imports;

import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.events.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats {@code rl import} reads, and how it tells them apart. */
public enum ReportFormat {
    /** RFC 4180 with a header row; the columns of ingest's {@code POST /api/v1/reports/csv}. */
    CSV("csv"),
    /** One report (a JSON object) per line. */
    NDJSON("ndjson"),
    /** A JSON array of reports, or the sample-data form {@code {"reports": [{"note": …, "report": {…}}]}}. */
    JSON("json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /**
     * By extension ({@code .csv}, {@code .ndjson}/{@code .jsonl}), else by content: a document that starts with
     * {@code [}, or a {@code {} whose first line is not a whole JSON object, is JSON; lines of objects are NDJSON;
     * anything else is CSV.
     */
    public static ReportFormat detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return NDJSON;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1).strip();
                }
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("[")) {
                    return JSON;
                }
                if (text.startsWith("{")) {
                    return wholeObject(text) ? NDJSON : JSON;
                }
                return CSV;
            }
            throw new CliException(ExitCode.USAGE, file + " is empty: nothing to import");
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static boolean wholeObject(String line) {
        try {
            return Json.tree(line).isObject();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
