package org.restrictionledger.events.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A normalised report on its way to the ledger ({@code restrictions.commands.v1}, key = stream id). The ledger answers
 * every command on {@code restrictions.outcomes.v1}: it becomes events, or it is rejected with a reason.
 * <p>
 * The family is closed: a new kind of report is a new permitted record and a new {@code kind} name.
 * <p>
 * Each command builds the event it proposes ({@code proposedEvent}), the one place where a report becomes a fact: the
 * ledger's decisions and ingest's amendments both use it, and the event's constructor holds the contract's rules.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ImposeRestriction.class, name = ImposeRestriction.KIND),
        @JsonSubTypes.Type(value = ChangeRestriction.class, name = ChangeRestriction.KIND),
        @JsonSubTypes.Type(value = LiftRestriction.class, name = LiftRestriction.KIND),
        @JsonSubTypes.Type(value = ImposeFine.class, name = ImposeFine.KIND),
        @JsonSubTypes.Type(value = SettleFine.class, name = SettleFine.KIND),
        @JsonSubTypes.Type(value = PromoteAlternative.class, name = PromoteAlternative.KIND),
        @JsonSubTypes.Type(value = CorrectRecord.class, name = CorrectRecord.KIND)
})
public sealed interface LedgerCommand permits ImposeRestriction, ChangeRestriction, LiftRestriction, ImposeFine,
        SettleFine, PromoteAlternative, CorrectRecord {

    /** The submission id that ingest handed to the reporter; the ledger processes each id at most once. */
    UUID commandId();

    StreamId stream();

    Effective effective();

    List<Source> sources();

    /** When ingest accepted the report. */
    Instant submittedAt();

    /**
     * Who submitted it (the bearer token's subject), or null for a command from before tokens. The ledger copies it
     * onto every event the command produces.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Submitter submitter();
}
