package org.restrictionledger.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void theFullFormIsTheIssuesWorkloadAndWritesResultsMd() {
        Options full = Options.parse();
        assertEquals(20_000, full.wideStreams());
        assertEquals(100, full.deepStreams());
        assertEquals(1_000, full.deepEvents());
        assertEquals(1_000, full.freshnessRate());
        assertEquals(10, full.quietRate());
        assertEquals(1_000_000, full.rebuildEvents());
        assertEquals(64, full.connections());
        assertEquals(2, full.instances());
        assertEquals(Duration.ofMinutes(3), full.e2eWarmup());
        assertEquals("benchmarks/RESULTS.md", full.output().toString());
    }

    @Test
    void optionsOverrideThePreset() {
        Options o = Options.parse("--form=smoke", "--wide-streams=1_000", "--budget=PT30S", "--instances=1",
                "--e2e-warmup=PT1M");
        assertEquals(1_000, o.wideStreams());
        assertEquals(Duration.ofSeconds(30), o.budget());
        assertEquals(Duration.ofMinutes(1), o.e2eWarmup());
        assertEquals(1, o.instances());
        assertTrue(o.smoke());
    }

    @Test
    void aRunningStackIsOneInstanceUnlessToldAndNeedsAllThreeUrls() {
        Options o = Options.parse("--ingest-url=http://127.0.0.1:8081", "--ledger-url=http://127.0.0.1:8082",
                "--query-url=http://127.0.0.1:8083");
        assertTrue(o.targetsRunningStack());
        assertEquals(1, o.instances());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--ingest-url=http://127.0.0.1:8081"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--wide=1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("wide-streams=1"));
    }
}
