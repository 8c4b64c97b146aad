package org.restrictionledger.support.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that says how a Kafka client of this service connects: the broker addresses and every security
 * setting (SASL, TLS) that the messaging channels use, taken from the same configuration ({@code kafka.*}, i.e.
 * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_*}). Every client built by hand (admin clients, a rebuild's
 * consumer) starts from {@link #with(Map)}, so none can connect with less than the channels do.
 */
@ApplicationScoped
public class KafkaClientProperties {

    /** Keys (or key prefixes, ending in a dot) that decide where and how a client connects. */
    static final List<String> CONNECTION_KEYS = List.of("bootstrap.servers", "security.protocol", "client.dns.lookup",
            "sasl.", "ssl.");

    private final Map<String, Object> connection;

    /** @param channels the configuration Quarkus gives every Kafka channel (all {@code kafka.*} keys) */
    KafkaClientProperties(@Identifier("default-kafka-broker") Map<String, Object> channels) {
        this.connection = select(channels);
    }

    /** The connection settings alone, e.g. for an admin client. */
    public Map<String, Object> connection() {
        return Map.copyOf(connection);
    }

    /**
     * The connection settings plus a client's own ({@code own} sets deserializers, timeouts, …); an own key that is a
     * connection setting is refused, since it would bypass the channels' security.
     */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(connection);
        own.forEach((key, value) -> {
            if (isConnectionKey(key)) {
                throw new IllegalArgumentException(key + " comes from the channels' configuration (kafka." + key + ")");
            }
            all.put(key, value);
        });
        return all;
    }

    static Map<String, Object> select(Map<String, Object> channels) {
        Map<String, Object> selected = new TreeMap<>();
        channels.forEach((key, value) -> {
            if (isConnectionKey(key) && value != null) {
                selected.put(key, value);
            }
        });
        if (!selected.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("kafka.bootstrap.servers is not configured");
        }
        return selected;
    }

    static boolean isConnectionKey(String key) {
        return CONNECTION_KEYS.stream().anyMatch(k -> k.endsWith(".") ? key.startsWith(k) : key.equals(k));
    }
}
