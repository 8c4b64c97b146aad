package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One row of an import file.
 *
 * @param number     where it is in the file: the CSV row (the header is row 1), the NDJSON line, or the position in
 *                   the JSON array (from 1)
 * @param report     the report to submit, as ingest's {@code POST /api/v1/reports} takes it; null when unreadable
 * @param unreadable why the row could not be read as a report; null when it could
 * @param cells      CSV: the cells as read, in header order (to write the row back out unchanged); else null
 * @param text       NDJSON and JSON: the row's text as read; else null
 */
public record Row(int number, ObjectNode report, String unreadable, List<String> cells, String text) {
}
