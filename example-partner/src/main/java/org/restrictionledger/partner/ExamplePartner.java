package org.restrictionledger.partner;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.status.StreamStatus;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * An example partner: reads {@code restrictions.events.v1} from offset 0 with plain kafka-clients, verifies every
 * stream's hash chain as it goes, keeps each stream's status ({@link StatusBook}) and prints each change, then keeps
 * following the topic until stopped (Ctrl-C).
 * <pre>
 * java -jar example-partner/target/example-partner-1.0.0-SNAPSHOT.jar [bootstrap servers]
 * </pre>
 * The bootstrap servers come from the argument, else {@code KAFKA_BOOTSTRAP_SERVERS}, else {@code localhost:9092}.
 * It joins no consumer group and commits nothing: every start rebuilds the picture from the whole topic, which is
 * what a partner that keeps its state in memory does.
 */
public final class ExamplePartner implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final StatusBook book = new StatusBook();
    private final ChangePrinter printer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;

    public ExamplePartner(String bootstrapServers, PrintStream out) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "example-partner");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config);
        this.printer = new ChangePrinter(out);
        out.println("reading " + Topics.EVENTS + " from the start at " + bootstrapServers);
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0]
                : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        ExamplePartner partner = new ExamplePartner(bootstrap, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(partner::close, "example-partner-stop"));
        partner.run();
    }

    /** Reads until {@link #close()}: the whole topic first (then says it caught up), then whatever comes. */
    public void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            boolean caughtUp = false;
            while (!closing) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    book.accept(record.key(), record.value(), name -> header(record, name)).ifPresent(printer::print);
                }
                if (!caughtUp && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    printer.caughtUp(book);
                }
            }
        } catch (WakeupException e) {
            // close() was called: stop reading.
        } finally {
            consumer.close();
            stopped.countDown();
        }
    }

    /** The topic's partitions; waits for the topic to exist (the ledger creates it on first publish). */
    private List<TopicPartition> awaitPartitions() {
        while (!closing) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
        }
        throw new WakeupException();
    }

    public StatusBook book() {
        return book;
    }

    public Map<String, StreamStatus> statuses() {
        return book.statuses();
    }

    /** Stops {@link #run()} and waits for the consumer to close. */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
