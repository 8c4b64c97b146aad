package org.restrictionledger.cli.verify;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Reads a topic from offset 0 to its end as of now, every partition, without a consumer group (nothing is committed,
 * no group sees rl), as any partner may.
 */
public final class TopicReader {

    /** One record as received: the value's text untouched. */
    public record Received(String key, int partition, long offset, String value) {
    }

    private final String bootstrapServers;
    private final Map<String, String> extra;
    private final Duration timeout;

    /** @param extra client settings for a secured broker (security.protocol, sasl.*, ssl.*) */
    public TopicReader(String bootstrapServers, Map<String, String> extra, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.extra = extra;
        this.timeout = timeout;
    }

    public List<Received> readAll(String topic, Predicate<String> keys) {
        Properties config = new Properties();
        config.putAll(extra);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rl-verify");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout.toMillis(), 10_000)));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic, timeout);
            } catch (KafkaException e) {
                throw unreachable(e);
            }
            if (partitions == null || partitions.isEmpty()) {
                throw new CliException(ExitCode.NOT_FOUND, "the topic " + topic + " does not exist on Kafka at "
                        + bootstrapServers);
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(assigned, timeout));
            List<Received> received = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos() * 4;
            while (!caughtUp(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new CliException(ExitCode.UNAVAILABLE, "reading " + topic + " from Kafka at " + bootstrapServers
                            + " did not reach the end within " + timeout.toSeconds() * 4 + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition())) && keys.test(record.key())) {
                        received.add(new Received(record.key(), record.partition(), record.offset(), record.value()));
                    }
                }
            }
            return received;
        } catch (KafkaException e) {
            throw unreachable(e);
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private CliException unreachable(KafkaException e) {
        return new CliException(ExitCode.UNAVAILABLE, "cannot read from Kafka at " + bootstrapServers + " ("
                + e.getMessage() + "): is it running? Point rl at it with --kafka or RL_KAFKA_BOOTSTRAP_SERVERS.");
    }
}
