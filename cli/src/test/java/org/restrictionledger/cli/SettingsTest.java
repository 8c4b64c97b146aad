package org.restrictionledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void optionThenEnvironmentThenConfigFileThenDefault() throws IOException {
        Path file = Files.writeString(dir.resolve("config"), """
                # rl settings
                token = from-file
                query-url=http://file:8083
                ledger-url=http://file:8082
                kafka.security.protocol=SASL_SSL
                """);
        Settings settings = new Settings(Map.of("RL_QUERY_URL", "http://env:8083", "RL_TOKEN", "from-env"), file);
        assertEquals("http://option:8083", settings.get(Settings.Key.QUERY_URL, "http://option:8083"));
        assertEquals("http://env:8083", settings.get(Settings.Key.QUERY_URL, null));
        assertEquals("http://file:8082", settings.get(Settings.Key.LEDGER_URL, null));
        assertEquals("http://localhost:8081", settings.get(Settings.Key.INGEST_URL, null));
        assertEquals("from-env", settings.token().orElseThrow());
        assertEquals("from-file", new Settings(Map.of(), file).token().orElseThrow());
        assertTrue(new Settings(Map.of(), dir.resolve("absent")).token().isEmpty());
        assertEquals(Map.of("security.protocol", "SASL_SSL"), settings.kafkaProperties());
    }

    @Test
    void theConfigFileIsFoundWhereUsersExpectIt() {
        assertEquals(Path.of("/etc/rl.conf"), Settings.defaultFile(Map.of("RL_CONFIG", "/etc/rl.conf")));
        assertEquals(Path.of("/x/rl/config"), Settings.defaultFile(Map.of("XDG_CONFIG_HOME", "/x")));
        assertEquals(Path.of(System.getProperty("user.home"), ".config", "rl", "config"), Settings.defaultFile(Map.of()));
    }
}
