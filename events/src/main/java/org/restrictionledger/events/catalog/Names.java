package org.restrictionledger.events.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How free text is compared to catalogue names: case, accents, punctuation and spacing do not matter. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Names() {
    }

    static String key(String text) {
        // Every country, platform and stream id passes here, many times per event: ASCII (nearly all of them) has no
        // accents to strip, so it skips the Unicode decomposition.
        String plain = ascii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String folded = NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return folded.startsWith("the ") ? folded.substring(4) : folded;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
