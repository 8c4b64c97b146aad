package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One immutable fact of the catalogue (DESIGN.md, "Event catalogue"). The ledger wraps it in a {@link RecordedEvent}
 * that gives it identity, place and hash. The family is closed: consumers {@code switch} over it exhaustively.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RestrictionImposed.class, name = RestrictionImposed.TYPE),
        @JsonSubTypes.Type(value = RestrictionLifted.class, name = RestrictionLifted.TYPE)
})
public sealed interface LedgerEvent permits RestrictionImposed, RestrictionLifted {

    /** When it took effect in the world. */
    Effective effective();

    /** At least one. */
    List<Source> sources();

    /** The catalogue name, e.g. {@code restriction.imposed}. */
    @JsonIgnore
    String type();
}
