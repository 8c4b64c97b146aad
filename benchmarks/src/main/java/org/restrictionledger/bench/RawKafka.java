package org.restrictionledger.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ceiling the broker sets: a plain kafka-clients producer (acks=all, idempotent, as the services produce) and
 * consumer on a topic of its own with the product's partition count, records the size of an event.
 */
final class RawKafka {

    record Rates(double producedPerSecond, double consumedPerSecond) {
    }

    private RawKafka() {
    }

    static Rates measure(String bootstrap, String topic, int partitions, int records, int recordBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        try {
            return measure(bootstrap, topic, records, recordBytes);
        } finally {
            // A running stack's broker keeps no trace of the baseline.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static Rates measure(String bootstrap, String topic, int records, int recordBytes) throws Exception {
        byte[] value = new byte[recordBytes];
        Arrays.fill(value, (byte) 'x');
        String[] keys = new String[1024];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "XX/stream-" + i;
        }
        // Warm the producer (and the broker's JIT) on a tenth of the records, then time the full count.
        produce(bootstrap, topic, keys, value, Math.max(1, records / 10));
        long start = System.nanoTime();
        produce(bootstrap, topic, keys, value, records);
        double produced = records / seconds(start);

        long total = records + Math.max(1, records / 10);
        consume(bootstrap, topic, Math.max(1, records / 10)); // warm-up read
        start = System.nanoTime();
        long read = consume(bootstrap, topic, total);
        double consumed = read / seconds(start);
        return new Rates(produced, consumed);
    }

    private static void produce(String bootstrap, String topic, String[] keys, byte[] value, int records) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, keys[i % keys.length], value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Reads the topic from the start with a fresh consumer until {@code records} are read. */
    private static long consume(String bootstrap, String topic, long records) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (read < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                read += batch.count();
            }
            return read;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String topicName(String runId) {
        return "bench.raw." + runId;
    }
}
