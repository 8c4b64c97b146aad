package org.restrictionledger.bench;

import java.time.Duration;
import java.util.Map;

/**
 * Everything one run measured, as the results table needs it; the second-instance figures are null when
 * {@code --instances=1}.
 */
record Measurements(double producer, double consumer, double postgres, HttpLoad.Outcome minimalText,
                    HttpLoad.Outcome minimalList, EndToEnd.Outcome wide, EndToEnd.Outcome deep,
                    Freshness.Outcome quietFreshness, Freshness.Outcome freshness, String pollCountry, int pollItems, HttpLoad.Outcome poll200,
                    HttpLoad.Outcome poll304, RebuildPhase.Outcome rebuild, EndToEnd.Outcome wide2,
                    EndToEnd.Outcome deep2, HttpLoad.Outcome poll200TwoInstances, Map<String, Long> peakRss,
                    Map<String, Long> peakRssSingle, Map<String, Duration> startTimes) {
}
