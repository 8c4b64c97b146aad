package org.restrictionledger.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfilesTest {

    private static volatile long sink;

    /** Burns CPU in a method of this package, so that the samples land here. */
    private static void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long x = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }

    @Test
    void aRecordingIsSummarisedByAreaAndMethod(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            spin(Duration.ofMillis(1500));
            recording.stop();
            recording.dump(file);
        }
        Profiles.Profile profile = Profiles.read("ledger", file);
        assertTrue(profile.samples() > 0, "samples were taken");
        assertTrue(profile.byArea().getOrDefault("this product's code", 0L) > 0, profile.byArea().toString());
        assertTrue(profile.topMethods().containsKey("ProfilesTest.spin"), profile.topMethods().toString());
        assertTrue(profile.byProductMethod().containsKey("ProfilesTest.spin"), profile.byProductMethod().toString());

        String markdown = Profiles.markdown(dir);
        assertTrue(markdown.contains("**ledger** (" + profile.samples() + " samples)"), markdown);
        assertTrue(markdown.contains("`ProfilesTest.spin`"), markdown);
    }

    @Test
    void framesAreAttributedToTheirLibrary() {
        assertEquals("PostgreSQL driver", Profiles.area("org.postgresql.core.v3.QueryExecutorImpl"));
        assertEquals("Jackson (JSON)", Profiles.area("com.fasterxml.jackson.core.json.UTF8JsonGenerator"));
        assertEquals("JDK regex", Profiles.area("java.util.regex.Pattern$Slice"));
        assertEquals("JDK (collections, strings, …)", Profiles.area("java.util.HashMap"));
        assertEquals("other libraries", Profiles.area("com.example.Thing"));
    }
}
