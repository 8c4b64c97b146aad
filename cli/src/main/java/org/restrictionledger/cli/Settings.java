package org.restrictionledger.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where each setting comes from, first match wins: the command-line option, the environment variable, the config
 * file ({@code ~/.config/rl/config}, or {@code $XDG_CONFIG_HOME/rl/config}, or the file {@code RL_CONFIG} names), the
 * default. The config file is a properties file: {@code token=…}, {@code ingest-url=…}, {@code ledger-url=…},
 * {@code query-url=…}, {@code kafka-bootstrap-servers=…}, and {@code kafka.*} client settings. The token has no option on purpose: a command line is
 * visible to every user of the machine ({@code ps}).
 */
public final class Settings {

    /** One setting: its environment variable, its key in the config file, its default. */
    public enum Key {
        INGEST_URL("RL_INGEST_URL", "ingest-url", "http://localhost:8081"),
        LEDGER_URL("RL_LEDGER_URL", "ledger-url", "http://localhost:8082"),
        QUERY_URL("RL_QUERY_URL", "query-url", "http://localhost:8083"),
        KAFKA_BOOTSTRAP_SERVERS("RL_KAFKA_BOOTSTRAP_SERVERS", "kafka-bootstrap-servers", "localhost:9092"),
        TOKEN("RL_TOKEN", "token", null);

        final String env;
        final String fileKey;
        final String fallback;

        Key(String env, String fileKey, String fallback) {
            this.env = env;
            this.fileKey = fileKey;
            this.fallback = fallback;
        }
    }

    private final Map<String, String> env;
    private final Path file;
    private final Properties fromFile;

    Settings(Map<String, String> env, Path file) {
        this.env = env;
        this.file = file;
        this.fromFile = load(file);
    }

    /** @param explicitFile {@code --config}, or null for the usual places */
    public static Settings of(Path explicitFile) {
        Map<String, String> env = System.getenv();
        return new Settings(env, explicitFile != null ? explicitFile : defaultFile(env));
    }

    static Path defaultFile(Map<String, String> env) {
        if (present(env.get("RL_CONFIG"))) {
            return Path.of(env.get("RL_CONFIG"));
        }
        Path base = present(env.get("XDG_CONFIG_HOME"))
                ? Path.of(env.get("XDG_CONFIG_HOME"))
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("rl").resolve("config");
    }

    /** The value of {@code key}; {@code option} is what the command line said (null when it said nothing). */
    public String get(Key key, String option) {
        if (present(option)) {
            return option.strip();
        }
        if (present(env.get(key.env))) {
            return env.get(key.env).strip();
        }
        String value = fromFile.getProperty(key.fileKey);
        return present(value) ? value.strip() : key.fallback;
    }

    public Optional<String> token() {
        return Optional.ofNullable(get(Key.TOKEN, null));
    }

    /**
     * Extra Kafka client settings from the config file: every key {@code kafka.X} becomes the client setting X, e.g.
     * {@code kafka.security.protocol=SASL_SSL}, {@code kafka.sasl.jaas.config=…}, for a secured broker.
     */
    public Map<String, String> kafkaProperties() {
        Map<String, String> properties = new java.util.TreeMap<>();
        for (String name : fromFile.stringPropertyNames()) {
            if (name.startsWith("kafka.") && !name.equals("kafka.")) {
                properties.put(name.substring("kafka.".length()), fromFile.getProperty(name).strip());
            }
        }
        return properties;
    }

    public Path file() {
        return file;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "cannot read the config file " + file + ": " + e.getMessage());
            }
        }
        return properties;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
