package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/** An active measure ends. {@code restrictionId} is the event id of its {@link RestrictionImposed}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestrictionLifted(
        UUID restrictionId,
        Measure measure,
        String authority,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "restriction.lifted";

    public RestrictionLifted {
        sources = List.copyOf(sources);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }
}
