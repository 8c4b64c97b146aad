package org.restrictionledger.support.problem;

/**
 * What an error message may say of the input: a short, printable excerpt. A problem document never echoes more than
 * this, whatever the client sent (a 120-byte request must not get a 4 MB answer), and never a control character.
 */
public final class Excerpt {

    /** The longest excerpt of a client's value that an error repeats. */
    public static final int MAX_VALUE = 64;
    /** The longest message (a field error's reason, a problem's detail). */
    public static final int MAX_MESSAGE = 500;
    /** The most field errors one problem lists. */
    public static final int MAX_ERRORS = 100;

    private Excerpt() {
    }

    /** A client's value as an error may quote it: at most {@value #MAX_VALUE} characters, controls as {@code ?}. */
    public static String of(String value) {
        return cut(value, MAX_VALUE);
    }

    static String message(String message) {
        return cut(message, MAX_MESSAGE);
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max + 1));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) && c != '\n' || Character.isSurrogate(c) ? '?' : c);
        }
        return value.length() > max ? out.append('…').toString() : out.toString();
    }
}
