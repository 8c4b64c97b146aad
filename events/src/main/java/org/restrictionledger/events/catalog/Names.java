package org.restrictionledger.events.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** How free text is compared to catalogue names: case, accents, punctuation and spacing do not matter. */
final class Names {

    private Names() {
    }

    static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
        return folded.startsWith("the ") ? folded.substring(4) : folded;
    }
}
