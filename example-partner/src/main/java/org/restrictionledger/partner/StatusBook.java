package org.restrictionledger.partner;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.ChainVerifier;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.events.status.StreamFold;
import org.restrictionledger.events.status.StreamStatus;

import java.util.Collections;
import java.util.function.Function;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A partner's picture of the world, built only from what it received on {@code restrictions.events.v1}: per stream,
 * the hash chain verified event by event (over the JSON as received) and the status folded from the verified events.
 * A stream whose chain breaks is reported once and then left as it was: nothing after a broken link is trusted.
 */
public final class StatusBook {

    /** What one record changed, if anything worth telling. */
    public sealed interface Change permits StatusChanged, ChainBroken, NotUnderstood, Unreadable {
    }

    /** The stream's status moved: {@code status} is the whole new picture, {@code from} the status before. */
    public record StatusChanged(StreamId stream, Status from, StreamStatus status, String eventType, UUID eventId)
            implements Change {
    }

    /** The chain does not hold at this record; the stream is frozen at its last verified event. */
    public record ChainBroken(StreamId stream, ChainVerifier.BrokenLink link) implements Change {
    }

    /**
     * A verified event of a type this client does not know (a newer v1 may add types): its hash is part of the chain,
     * so the chain goes on, but it changes nothing here.
     */
    public record NotUnderstood(StreamId stream, long version, String type) implements Change {
    }

    /** A record whose key is not a stream id: it belongs to no chain. */
    public record Unreadable(String key, String problem) implements Change {
    }

    private static final class Stream {
        final ChainVerifier.Chain chain;
        final StreamFold fold;
        final Set<String> seen = new HashSet<>();
        StreamStatus status;

        Stream(StreamId id) {
            chain = new ChainVerifier.Chain(id);
            fold = new StreamFold(id);
            status = fold.status();
        }
    }

    private final Map<String, Stream> streams = new TreeMap<>();
    private long received;

    /**
     * Takes one record of {@code restrictions.events.v1}.
     *
     * @param header the record's header value by name (null when absent): its CloudEvents attributes must say what
     *               its data is ({@link CloudEvents#read})
     */
    public Optional<Change> accept(String key, String value, Function<String, String> header) {
        received++;
        StreamId id;
        try {
            id = StreamId.parse(key);
        } catch (IllegalArgumentException e) {
            return Optional.of(new Unreadable(key, e.getMessage()));
        }
        Stream stream = streams.computeIfAbsent(id.toString(), k -> new Stream(id));
        if (stream.chain.firstBrokenLink().isPresent()) {
            return Optional.empty();
        }
        JsonNode document;
        try {
            document = EventHashing.received(value);
        } catch (IllegalArgumentException e) {
            return stream.chain.append(value).map(link -> new ChainBroken(id, link));
        }
        // A record published again after a producer's retry: same event, already in the chain.
        String eventId = document.path("eventId").asText();
        if (stream.seen.contains(eventId) && document.path("streamVersion").asLong() <= stream.chain.version()) {
            return Optional.empty();
        }
        Optional<ChainVerifier.BrokenLink> broken = stream.chain.append(document);
        if (broken.isPresent()) {
            return Optional.of(new ChainBroken(id, broken.get()));
        }
        stream.seen.add(eventId);
        String type = document.path("event").path("type").asText();
        if (!EventSchemas.TYPES.contains(type)) {
            return Optional.of(new NotUnderstood(id, stream.chain.version(), type));
        }
        RecordedEvent event;
        try {
            event = CloudEvents.read(value, header);
        } catch (EventCodec.InvalidEventException e) {
            return Optional.of(new NotUnderstood(id, stream.chain.version(), type + " (" + e.getMessage() + ")"));
        }
        StreamStatus before = stream.status;
        stream.fold.add(event);
        stream.status = stream.fold.status();
        if (sameStatus(before, stream.status)) {
            return Optional.empty();
        }
        return Optional.of(new StatusChanged(id, before.status(), stream.status, type, event.eventId()));
    }

    /** Equal but for the version and the time of the last change: nothing a reader of statuses would notice. */
    private static boolean sameStatus(StreamStatus a, StreamStatus b) {
        return a.status() == b.status() && a.activeMeasures().equals(b.activeMeasures())
                && a.promoted() == b.promoted() && a.fineSummary().equals(b.fineSummary());
    }

    public Optional<StreamStatus> status(StreamId stream) {
        return Optional.ofNullable(streams.get(stream.toString())).map(s -> s.status);
    }

    /** Every stream's status, by stream id. */
    public Map<String, StreamStatus> statuses() {
        Map<String, StreamStatus> all = new TreeMap<>();
        streams.forEach((k, s) -> all.put(k, s.status));
        return Collections.unmodifiableMap(all);
    }

    /** Streams whose chain broke, with where. */
    public Map<String, ChainVerifier.BrokenLink> broken() {
        Map<String, ChainVerifier.BrokenLink> all = new TreeMap<>();
        streams.forEach((k, s) -> s.chain.firstBrokenLink().ifPresent(link -> all.put(k, link)));
        return Collections.unmodifiableMap(all);
    }

    public long received() {
        return received;
    }

    public long verified() {
        return streams.values().stream().mapToLong(s -> s.chain.version()).sum();
    }
}
