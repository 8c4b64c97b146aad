package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's answer to one command, on {@code restrictions.outcomes.v1} (key = stream id).
 *
 * @param streamVersion the stream's version after the command (accepted) or as it was checked against (rejected)
 * @param reason        why a command was rejected; null when accepted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandOutcome(
        UUID commandId,
        StreamId stream,
        Decision decision,
        List<UUID> eventIds,
        long streamVersion,
        String reason,
        Instant decidedAt) {

    public enum Decision {
        ACCEPTED, REJECTED
    }

    public CommandOutcome {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }

    public static CommandOutcome accepted(UUID commandId, StreamId stream, List<UUID> eventIds, long version, Instant at) {
        return new CommandOutcome(commandId, stream, Decision.ACCEPTED, eventIds, version, null, at);
    }

    public static CommandOutcome rejected(UUID commandId, StreamId stream, long version, String reason, Instant at) {
        return new CommandOutcome(commandId, stream, Decision.REJECTED, List.of(), version, reason, at);
    }
}
