package org.restrictionledger.infra;

import java.util.Map;

/**
 * A Kafka user that logs in with SCRAM-SHA-512 over a SASL_PLAINTEXT listener, and the client settings that do so:
 * as Kafka client properties, or as the environment of a packaged service (the same keys its channels and its ad-hoc
 * clients read: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}).
 */
public record ScramUser(String name, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    public ScramUser {
        if (!name.matches("[A-Za-z0-9_-]+") || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("plain user names and passwords only: they are written into a JAAS line");
        }
    }

    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                + "\" password=\"" + password + "\";";
    }

    /** Client properties besides {@code bootstrap.servers}. */
    public Map<String, String> clientProperties() {
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaasConfig());
    }

    /** The same as a service's environment. */
    public Map<String, String> environment() {
        return Map.of("KAFKA_SECURITY_PROTOCOL", PROTOCOL, "KAFKA_SASL_MECHANISM", MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", jaasConfig());
    }
}
