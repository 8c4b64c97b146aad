package org.restrictionledger.cli.verify;

import org.restrictionledger.events.ChainVerifier;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The chains as the events topic carries them, recomputed with the contract's {@link ChainVerifier}, independently
 * of the ledger's store. A record published twice (the outbox relay delivers at least once) counts once; two
 * different events at one stream version are a fork; a record that is not a valid event is named with its offset.
 */
final class TopicChains {

    /** One stream's chain as found on the topic. */
    /** @param documents the record values of {@code events}, as received, in version order */
    record TopicChain(StreamId stream, List<RecordedEvent> events, List<String> documents,
                      ChainVerifier.Verification verification, List<String> problems) {

        boolean valid() {
            return verification.valid() && problems.isEmpty();
        }

        long head() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).streamVersion();
        }
    }

    private TopicChains() {
    }

    /** An event as decoded, with the record value it came from (the document a chain verifier should hash). */
    private record Document(RecordedEvent event, String received) {
    }

    static Map<StreamId, TopicChain> of(List<TopicReader.Received> records) {
        Map<StreamId, Map<UUID, Document>> byStream = new TreeMap<>(Comparator.comparing(StreamId::toString));
        Map<StreamId, List<String>> problems = new LinkedHashMap<>();
        for (TopicReader.Received record : records) {
            StreamId key;
            try {
                key = StreamId.parse(record.key());
            } catch (IllegalArgumentException e) {
                continue;
            }
            List<String> streamProblems = problems.computeIfAbsent(key, k -> new ArrayList<>());
            byStream.computeIfAbsent(key, k -> new LinkedHashMap<>());
            try {
                RecordedEvent event = EventCodec.decode(record.value());
                Document earlier = byStream.get(key).putIfAbsent(event.eventId(), new Document(event, record.value()));
                if (earlier != null && !earlier.event().equals(event)) {
                    streamProblems.add("event " + event.eventId() + " was published twice with different content"
                            + " (partition " + record.partition() + ", offset " + record.offset() + ")");
                }
            } catch (IllegalArgumentException e) {
                streamProblems.add("partition " + record.partition() + " offset " + record.offset()
                        + " is not a valid event: " + e.getMessage());
            }
        }
        Map<StreamId, TopicChain> chains = new LinkedHashMap<>();
        byStream.forEach((stream, events) -> {
            List<Document> documents = events.values().stream()
                    .sorted(Comparator.comparingLong(d -> d.event().streamVersion())).toList();
            List<RecordedEvent> ordered = documents.stream().map(Document::event).toList();
            List<String> streamProblems = problems.get(stream);
            for (int i = 1; i < ordered.size(); i++) {
                if (ordered.get(i).streamVersion() == ordered.get(i - 1).streamVersion()) {
                    streamProblems.add("fork: events " + ordered.get(i - 1).eventId() + " and " + ordered.get(i).eventId()
                            + " both claim version " + ordered.get(i).streamVersion());
                }
            }
            chains.put(stream, new TopicChain(stream, ordered, documents.stream().map(Document::received).toList(),
                    verify(stream, documents), streamProblems));
        });
        return chains;
    }

    /**
     * The one call of the contract's verifier, on the documents as received, so that a member added by a newer v1
     * producer verifies (the hash covers it) while any changed value does not.
     */
    private static ChainVerifier.Verification verify(StreamId stream, List<Document> documents) {
        return ChainVerifier.verifyReceived(stream, documents.stream().map(Document::received).toList());
    }
}
