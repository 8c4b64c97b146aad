package org.restrictionledger.events;

/**
 * The Kafka topics of the public contract (README, "Topics"; the AsyncAPI document
 * {@code org/restrictionledger/events/asyncapi.yaml}). Every record on them is keyed by {@link StreamId}.
 */
public final class Topics {

    /** Validated reports, as commands for the ledger. */
    public static final String COMMANDS = "restrictions.commands.v1";
    /** Accepted facts, as CloudEvents; infinite retention, replayable from offset 0. */
    public static final String EVENTS = "restrictions.events.v1";
    /** The ledger's answer to every command: ACCEPTED with event ids, or REJECTED with a reason. */
    public static final String OUTCOMES = "restrictions.outcomes.v1";
    /** Latest status per stream; compacted. */
    public static final String STATUS = "restrictions.status.v1";
    /** Signed checkpoints of every stream's head and their Merkle root; keyed by checkpoint id. */
    public static final String CHECKPOINTS = "restrictions.checkpoints.v1";

    private Topics() {
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
