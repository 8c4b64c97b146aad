package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One immutable fact of the catalogue (README, "Event types"). The ledger wraps it in a {@link RecordedEvent}
 * that gives it identity, place and hash. The family is closed: a new fact is a new permitted record with a schema of
 * its own under {@code schemas/}, and {@link EventSchemas#TYPES} and the status fold learn it in the same change.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RestrictionImposed.class, name = RestrictionImposed.TYPE),
        @JsonSubTypes.Type(value = RestrictionChanged.class, name = RestrictionChanged.TYPE),
        @JsonSubTypes.Type(value = RestrictionLifted.class, name = RestrictionLifted.TYPE),
        @JsonSubTypes.Type(value = FineImposed.class, name = FineImposed.TYPE),
        @JsonSubTypes.Type(value = FinePaid.class, name = FinePaid.TYPE),
        @JsonSubTypes.Type(value = FineAnnulled.class, name = FineAnnulled.TYPE),
        @JsonSubTypes.Type(value = AlternativePromoted.class, name = AlternativePromoted.TYPE),
        @JsonSubTypes.Type(value = RecordCorrected.class, name = RecordCorrected.TYPE)
})
public sealed interface LedgerEvent permits RestrictionImposed, RestrictionChanged, RestrictionLifted, FineImposed,
        FinePaid, FineAnnulled, AlternativePromoted, RecordCorrected {

    /** When it took effect in the world. */
    Effective effective();

    /** At least one. */
    List<Source> sources();

    /** The catalogue name, e.g. {@code restriction.imposed}. */
    @JsonIgnore
    String type();
}
