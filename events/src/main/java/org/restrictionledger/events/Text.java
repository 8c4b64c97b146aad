package org.restrictionledger.events;

/**
 * What text the ledger records, checked at every edge before it can reach a store: every character must be one that
 * PostgreSQL, JSON Schema validators and a partner's parser all read the same way, and a code or name must look like
 * what it is.
 * <ul>
 *   <li>Free text (reasons, authorities, publishers): any Unicode text except C0/C1 control characters (tab, CR and LF
 *       are allowed), unpaired surrogates and the noncharacters U+FFFE/U+FFFF. Right-to-left text is free text too,
 *       so bidirectional marks are allowed here.</li>
 *   <li>Codes, names and keys (country, platform, currency, enum values, ids, features, URLs): in addition no control
 *       character at all and no invisible format character (bidi overrides and isolates, zero-width space and
 *       joiners, the byte-order mark, soft hyphen), nor line or paragraph separators: "RU" behind an RTL override
 *       and "whatsapp" followed by a zero-width space look like what they are not.</li>
 * </ul>
 * Dates: years 1 to 9999 ({@link #MIN_DATE}..{@link #MAX_DATE}), the range every store and ISO 8601 reader shares.
 */
public final class Text {

    public static final java.time.LocalDate MIN_DATE = java.time.LocalDate.of(1, 1, 1);
    public static final java.time.LocalDate MAX_DATE = java.time.LocalDate.of(9999, 12, 31);

    private Text() {
    }

    /** @return why the free text cannot be recorded, or null when it can */
    public static String freeTextProblem(String value) {
        return problem(value, false);
    }

    /** @return why the code, name or key cannot be recorded, or null when it can */
    public static String codeProblem(String value) {
        return problem(value, true);
    }

    public static boolean inDateRange(java.time.LocalDate date) {
        return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    private static String problem(String value, boolean code) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (U+" + hex(c) + ") at position " + (i + 1);
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return "contains the noncharacter U+" + hex(c) + " at position " + (i + 1);
            }
            boolean layout = c == '\t' || c == '\n' || c == '\r';
            if (Character.isISOControl(c) && (code || !layout)) {
                return "contains the control character U+" + hex(c) + " at position " + (i + 1);
            }
            if (code && (Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029')) {
                return "contains the invisible character U+" + hex(c) + " at position " + (i + 1)
                        + " (bidirectional control, zero-width or separator)";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
