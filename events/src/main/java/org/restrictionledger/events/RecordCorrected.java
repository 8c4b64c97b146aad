package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * An earlier event of the same stream was wrong. Nothing is edited: the original stays, and folds read it through
 * this correction. RETRACT: the target never happened. AMEND: the target happened as {@code amended} says (an event of
 * the target's type). The latest correction of a target wins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordCorrected(
        UUID targetEventId,
        Action action,
        LedgerEvent amended,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "record.corrected";

    public enum Action {
        RETRACT, AMEND
    }

    public RecordCorrected {
        sources = List.copyOf(sources);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }
}
