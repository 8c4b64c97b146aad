package org.restrictionledger.events.command;

import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report that the state promotes this stream's platform as a replacement. Becomes {@code alternative.promoted}. */
public record PromoteAlternative(
        UUID commandId,
        StreamId stream,
        List<String> replaces,
        List<String> services,
        String authority,
        String reason,
        Effective effective,
        List<Source> sources,
        Instant submittedAt,
        Submitter submitter) implements LedgerCommand {

    public static final String KIND = "alternative.promote";

    public PromoteAlternative {
        replaces = List.copyOf(replaces);
        services = services == null ? List.of() : List.copyOf(services);
        sources = List.copyOf(sources);
    }

    /** The command without a submitter: one that did not come through an authenticated API (tests, old records). */
    public PromoteAlternative(UUID commandId, StreamId stream, List<String> replaces, List<String> services,
                              String authority, String reason, Effective effective, List<Source> sources,
                              Instant submittedAt) {
        this(commandId, stream, replaces, services, authority, reason, effective, sources, submittedAt, null);
    }

    /** The event this report proposes. */
    public AlternativePromoted proposedEvent() {
        return new AlternativePromoted(replaces, services, authority, reason, effective, sources);
    }
}
