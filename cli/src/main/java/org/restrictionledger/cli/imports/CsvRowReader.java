package org.restrictionledger.cli.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** CSV with a header row; row numbers as ingest counts them (the header is row 1). */
final class CsvRowReader extends RowReader {

    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    CsvRowReader(Path file) throws IOException {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        try {
            this.parser = CSVParser.parse(reader, format);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            reader.close();
            throw new CliException(ExitCode.USAGE, file + " is not CSV (RFC 4180): " + e.getMessage());
        }
        this.header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
        TreeSet<String> unknown = new TreeSet<>();
        header.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .filter(h -> !CsvReport.COLUMNS.contains(h) && !h.equals(CsvReport.ERROR_COLUMN))
                .forEach(unknown::add);
        if (header.isEmpty() || !unknown.isEmpty()) {
            close();
            throw new CliException(ExitCode.USAGE, file + ": " + (header.isEmpty() ? "no header row"
                    : "unknown columns " + unknown) + "; the columns are " + CsvReport.COLUMNS);
        }
        this.records = parser.iterator();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    protected Row read() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            int number = (int) record.getRecordNumber() + 1;
            List<String> cells = record.toList();
            if (cells.size() != header.size()) {
                return new Row(number, null, "the row has " + cells.size() + " cells, the header " + header.size(),
                        cells, null);
            }
            Map<String, String> byColumn = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byColumn.put(header.get(i).toLowerCase(Locale.ROOT), cells.get(i));
            }
            return new Row(number, CsvReport.of(byColumn), null, cells, null);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CliException(ExitCode.USAGE, "the CSV breaks after row " + (parser.getRecordNumber() + 1) + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
