package org.restrictionledger.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.restrictionledger.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.restrictionledger.events.Topics.CHECKPOINTS;
import static org.restrictionledger.events.Topics.COMMANDS;
import static org.restrictionledger.events.Topics.EVENTS;
import static org.restrictionledger.events.Topics.OUTCOMES;
import static org.restrictionledger.events.Topics.STATUS;

/**
 * Creates the contract's topics on a broker that has none (local stack, tests). On Kubernetes the same topics are
 * declared as Strimzi {@code KafkaTopic} resources in {@code deploy/}.
 */
public final class KafkaTopics {

    /** The dead-letter topic of each consumer group (see each service's application.properties). */
    public static final List<String> DEAD_LETTERS = List.of(
            Topics.deadLetter(COMMANDS, "ledger-service"),
            Topics.deadLetter(EVENTS, "query-service"),
            Topics.deadLetter(OUTCOMES, "ingest-service"));

    private KafkaTopics() {
    }

    /** Creates every topic that does not exist yet; existing topics are left as they are. */
    public static void createAll(String bootstrapServers, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(COMMANDS, partitions, (short) 1));
        topics.add(new NewTopic(EVENTS, partitions, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
        topics.add(new NewTopic(OUTCOMES, partitions, (short) 1));
        topics.add(new NewTopic(STATUS, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        // Checkpoints are few and kept forever: one partition keeps them in the order they were signed.
        topics.add(new NewTopic(CHECKPOINTS, 1, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
        DEAD_LETTERS.forEach(name -> topics.add(new NewTopic(name, 1, (short) 1)));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics on " + bootstrapServers + ": " + e.getCause(), e.getCause());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not create topics on " + bootstrapServers + ": " + e, e);
        }
    }
}
