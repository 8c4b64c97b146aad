package org.restrictionledger.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The service's dead-letter topics ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}) and their
 * re-drive: after a fix, each record not re-driven before goes back to the topic it came from (its
 * {@code dead-letter-topic} header) with its original key, value and headers; the {@code dead-letter-*} headers are
 * dropped and {@code redriven-from} says where it was. The consumers dedupe by command and event id, so a record
 * re-driven twice (a crash between the send and the commit) changes nothing the second time; a record that is still
 * unreadable comes back to the dead-letter topic. The re-drive reads up to the end each topic had when it started,
 * under consumer group {@code <dlq topic>.redrive}, whose committed offsets say what was re-driven.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Pattern DLQ_KEY = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    static final String ORIGIN = "dead-letter-topic";

    /** A dead-letter topic: {@code waiting} records not re-driven yet. */
    public record Topic(String channel, String topic, long waiting) {
    }

    /** What a re-drive did with one dead-letter topic. */
    @Schema(name = "DeadLetterRedriven")
    public record Redriven(String topic, int republished, int withoutOrigin) {
    }

    private final Config config;
    private final KafkaClientProperties kafka;

    @Inject
    DeadLetters(Config config, KafkaClientProperties kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /** Every dead-letter topic of this service, channel → topic. */
    Map<String, String> topics() {
        Map<String, String> topics = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = DLQ_KEY.matcher(name);
            if (m.matches()) {
                topics.put(m.group(1), config.getValue(name, String.class));
            }
        }
        return topics;
    }

    /**
     * Writes a record this service could not read to the channel's dead-letter topic, as the connector's
     * {@code dead-letter-queue} strategy does for a single record: original key, value and headers, plus
     * {@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition} and {@code -offset}. For consumers
     * that read in batches, where a nack would send the whole batch. Returns once the broker has it.
     */
    public void send(String channel, org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, Throwable why) {
        String topic = topics().get(channel);
        if (topic == null) {
            throw new IllegalStateException("channel " + channel + " has no dead-letter-queue.topic");
        }
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topic, bytes(record.key()), bytes(record.value()));
        record.headers().forEach(h -> dead.headers().add(h));
        String reason = why.getMessage() == null ? why.getClass().getName() : why.getMessage();
        dead.headers().add("dead-letter-reason", reason.substring(0, Math.min(reason.length(), 1000)).getBytes(StandardCharsets.UTF_8));
        if (why.getCause() != null) {
            dead.headers().add("dead-letter-cause", String.valueOf(why.getCause()).getBytes(StandardCharsets.UTF_8));
        }
        dead.headers().add(ORIGIN, record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            sender().send(dead).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e, e);
        }
    }

    private KafkaProducer<byte[], byte[]> sender;

    private synchronized KafkaProducer<byte[], byte[]> sender() {
        if (sender == null) {
            sender = producer();
        }
        return sender;
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (sender != null) {
            sender.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(Object value) {
        return value == null ? null : value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    public List<Topic> list() {
        List<Topic> result = new ArrayList<>();
        topics().forEach((channel, topic) -> {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(topic)) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> done = committed(consumer, partitions);
                result.add(new Topic(channel, topic, partitions.stream().mapToLong(p -> end.get(p) - done.get(p)).sum()));
            }
        });
        return result;
    }

    public List<Redriven> redrive() {
        List<Redriven> result = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String topic : topics().values()) {
                result.add(redrive(topic, producer));
            }
        }
        return result;
    }

    private Redriven redrive(String topic, KafkaProducer<byte[], byte[]> producer) {
        int republished = 0;
        int withoutOrigin = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(topic)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = committed(consumer, partitions);
            consumer.assign(partitions);
            start.forEach(consumer::seek);
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<Future<?>> sends = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    Header origin = record.headers().lastHeader(ORIGIN);
                    if (origin == null) {
                        withoutOrigin++;
                    } else {
                        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(
                                new String(origin.value(), StandardCharsets.UTF_8), record.key(), record.value());
                        StreamSupport.stream(record.headers().spliterator(), false)
                                .filter(h -> !h.key().startsWith("dead-letter-"))
                                .forEach(h -> again.headers().add(h));
                        again.headers().add("redriven-from", (topic + "/" + record.partition() + "/" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
                        sends.add(producer.send(again));
                        republished++;
                    }
                    next.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                for (Future<?> send : sends) {
                    send.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
                if (!next.isEmpty()) {
                    consumer.commitSync(next);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("re-drive of " + topic + " stopped after " + republished + " record(s): " + e, e);
        }
        LOG.infof("re-drove %d record(s) from %s (%d without an origin topic, left)", republished, topic, withoutOrigin);
        return new Redriven(topic, republished, withoutOrigin);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Map<TopicPartition, Long> committed(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata c = committed.get(p);
            start.put(p, c == null ? beginning.get(p) : Math.max(c.offset(), beginning.get(p)));
        }
        return start;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        return new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, topic + ".redrive",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())));
    }
}
