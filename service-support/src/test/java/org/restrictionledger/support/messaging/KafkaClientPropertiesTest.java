package org.restrictionledger.support.messaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an ad-hoc client takes from the channels' configuration (the real broker round trip: KafkaSecurityIT). */
class KafkaClientPropertiesTest {

    private static final Map<String, Object> CHANNELS = Map.of(
            "bootstrap.servers", "kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"q\" password=\"p\";",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "group.protocol", "consumer",
            "health.enabled", "true");

    @Test
    void everyConnectionAndSecuritySettingIsTakenAndNothingElse() {
        KafkaClientProperties properties = new KafkaClientProperties(CHANNELS);
        assertEquals(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", CHANNELS.get("sasl.jaas.config"),
                "ssl.truststore.location", "/etc/kafka/truststore.p12"), properties.connection());
    }

    @Test
    void aClientAddsItsOwnSettingsButCannotLoosenTheConnection() {
        KafkaClientProperties properties = new KafkaClientProperties(CHANNELS);
        Map<String, Object> consumer = properties.with(Map.of("enable.auto.commit", "false"));
        assertEquals("false", consumer.get("enable.auto.commit"));
        assertEquals("SASL_SSL", consumer.get("security.protocol"));
        assertThrows(IllegalArgumentException.class, () -> properties.with(Map.of("security.protocol", "PLAINTEXT")));
        assertThrows(IllegalArgumentException.class, () -> properties.with(Map.of("bootstrap.servers", "elsewhere:9092")));
    }

    @Test
    void withoutBrokersThereIsNoClient() {
        assertThrows(IllegalStateException.class, () -> new KafkaClientProperties(Map.of("security.protocol", "SSL")));
    }
}
