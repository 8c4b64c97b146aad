package org.restrictionledger.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The local broker (run-local, the benchmark, the tests) takes what a real one takes: here, record batches compressed
 * with every codec a Kafka client offers. Without the codecs on its class path, an lz4 batch was answered with
 * UnknownServerException (NoClassDefFoundError in the broker's log).
 */
class KafkaBrokerTest {

    private static final List<String> CODECS = List.of("none", "gzip", "snappy", "lz4", "zstd");

    @Test
    void takesBatchesCompressedWithEveryCodec(@TempDir Path data) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(data, KafkaBroker.freePort())) {
            Map<String, Object> common = Map.of("bootstrap.servers", broker.bootstrapServers());
            try (Admin admin = Admin.create(common)) {
                admin.createTopics(List.of(new NewTopic("codecs", 1, (short) 1))).all().get();
            }
            for (String codec : CODECS) {
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, codec,
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                    producer.send(new ProducerRecord<>("codecs", codec, "a record compressed with " + codec)).get();
                }
            }
            List<String> read = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition("codecs", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                Instant deadline = Instant.now().plusSeconds(30);
                while (read.size() < CODECS.size() && Instant.now().isBefore(deadline)) {
                    consumer.poll(Duration.ofMillis(500)).forEach((ConsumerRecord<String, String> r) -> read.add(r.key()));
                }
            }
            assertEquals(CODECS, read);
        }
    }
}
