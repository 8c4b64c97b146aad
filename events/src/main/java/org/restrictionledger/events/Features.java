package org.restrictionledger.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for what a restriction names, held by {@link RestrictionImposed} and {@link RestrictionChanged}: a measure,
 * and the features it limits ({@code voice_calls}, {@code video_calls}) as lower-case words, at most {@link #MAX} of
 * them, as the event schema says. Whether a FEATURE_LIMIT must name one is a rule for new reports (ingest), not for
 * the events already recorded.
 */
public final class Features {

    /** The most features one measure names. */
    public static final int MAX = 20;
    /** One feature: a lower-case word of letters, digits and underscores. */
    public static final Pattern WORD = Pattern.compile("[a-z0-9_]{1,64}");

    private Features() {
    }

    /** @return why the list is not a feature list, or null when it is (an absent list is an empty one) */
    public static String problem(List<String> features) {
        if (features == null) {
            return null;
        }
        if (features.size() > MAX) {
            return "at most " + MAX + " features";
        }
        for (String feature : features) {
            if (feature == null || !WORD.matcher(feature).matches()) {
                return "a feature is a lower-case word like voice_calls, was '" + feature + "'";
            }
        }
        return null;
    }

    /** @return why the measure is missing, or null when there is one */
    public static String measureProblem(Measure measure) {
        return measure == null ? "a measure is required: one of " + List.of(Measure.values()) : null;
    }
}
