package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/** A fine was annulled (on appeal, by a higher court, or withdrawn). {@code fineId} is the event id of its {@link FineImposed}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FineAnnulled(
        UUID fineId,
        String authority,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "fine.annulled";

    public FineAnnulled {
        sources = List.copyOf(sources);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }
}
