package org.restrictionledger.events.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2, from the JDK's own list, with English names and the aliases reporters use ("Russia",
 * "Russian Federation" → RU). Lookup ignores case, accents and punctuation.
 */
public final class Countries {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("russian federation", "RU"), Map.entry("rf", "RU"),
            Map.entry("usa", "US"), Map.entry("united states of america", "US"), Map.entry("america", "US"),
            Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"),
            Map.entry("england", "GB"),
            Map.entry("south korea", "KR"), Map.entry("republic of korea", "KR"),
            Map.entry("north korea", "KP"), Map.entry("dprk", "KP"),
            Map.entry("iran islamic republic of", "IR"), Map.entry("turkiye", "TR"),
            Map.entry("czech republic", "CZ"), Map.entry("ivory coast", "CI"), Map.entry("burma", "MM"),
            Map.entry("viet nam", "VN"), Map.entry("syrian arab republic", "SY"), Map.entry("laos", "LA"),
            Map.entry("macedonia", "MK"), Map.entry("holland", "NL"), Map.entry("uae", "AE"),
            Map.entry("drc", "CD"), Map.entry("dr congo", "CD"), Map.entry("congo kinshasa", "CD"),
            Map.entry("congo brazzaville", "CG"), Map.entry("belorussia", "BY"), Map.entry("byelorussia", "BY"),
            Map.entry("moldova republic of", "MD"), Map.entry("mainland china", "CN"), Map.entry("prc", "CN"),
            Map.entry("peoples republic of china", "CN"), Map.entry("hong kong sar", "HK"),
            Map.entry("vatican", "VA"), Map.entry("east timor", "TL"), Map.entry("swaziland", "SZ"),
            Map.entry("cape verde", "CV"), Map.entry("palestine", "PS"));

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String code : CODES) {
            BY_KEY.put(Names.key(code), code);
            BY_KEY.put(Names.key(nameOf(code)), code);
        }
        ALIASES.forEach((alias, code) -> BY_KEY.put(Names.key(alias), code));
    }

    private Countries() {
    }

    /** The alpha-2 code of a code, an English name or an alias, in any case; empty when it names no country. */
    public static Optional<String> resolve(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(Names.key(text)));
    }

    /** The English short name, e.g. RU → Russia. */
    public static String nameOf(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
