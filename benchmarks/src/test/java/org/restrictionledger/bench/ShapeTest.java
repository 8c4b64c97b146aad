package org.restrictionledger.bench;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeTest {

    @Test
    void everyStreamIsNewAndGroupedByPlatform() {
        Shape wide = new Shape("brun", "w", 1_000, 1);
        Set<String> streams = new HashSet<>();
        for (int k = 0; k < wide.streams(); k++) {
            streams.add(wide.country(k) + "/" + wide.platformOf(k));
            assertFalse(wide.country(k).equals("RU"), "RU belongs to the polling phase");
        }
        assertEquals(1_000, streams.size());
        long inGroups = 0;
        for (int g = 0; g < wide.groups(); g++) {
            inGroups += wide.totalEventsOf(g);
            int[] range = wide.range(g);
            for (int k = range[0]; k < range[1]; k++) {
                assertEquals(wide.platform(g), wide.platformOf(k));
            }
        }
        assertEquals(wide.totalEvents(), inGroups);
    }

    @Test
    void aDeepStreamAlternatesImposeAndLiftADayApartAndReportsAreAboutSixHundredBytes() {
        Shape deep = new Shape("brun", "d", 100, 1_000);
        assertEquals(1, deep.groups());
        String first = deep.report(7, 0);
        String second = deep.report(7, 1);
        assertEquals("restriction.imposed", Json.tree(first).path("type").asText());
        assertEquals("restriction.lifted", Json.tree(second).path("type").asText());
        assertTrue(Json.tree(first).path("effective").asText().compareTo(Json.tree(second).path("effective").asText()) < 0);
        assertTrue(first.length() > 500 && first.length() < 800, first.length() + " bytes");
    }

    @Test
    void warmUpRoundsGetTagsOfLettersThatNeverRepeat() {
        Set<String> tags = new HashSet<>();
        for (int round = 0; round < 2_000; round++) {
            String tag = Benchmark.letters(round);
            assertTrue(tag.chars().allMatch(c -> c >= 'a' && c <= 'z'), tag);
            assertTrue(tags.add(tag), tag);
        }
        assertEquals("a", Benchmark.letters(0));
        assertEquals("ba", Benchmark.letters(26));
    }
}
