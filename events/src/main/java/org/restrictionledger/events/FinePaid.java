package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/** The platform paid a fine. {@code fineId} is the event id of its {@link FineImposed}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FinePaid(
        UUID fineId,
        String authority,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "fine.paid";

    public FinePaid {
        sources = List.copyOf(sources);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }
}
