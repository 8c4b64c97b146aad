package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * An active measure escalates or eases: from this event's effective date it is {@code measure} with {@code features}
 * (e.g. a FEATURE_LIMIT of voice calls escalated to a FULL_BLOCK). {@code restrictionId} stays the same.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestrictionChanged(
        UUID restrictionId,
        Direction direction,
        Measure measure,
        List<String> features,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "restriction.changed";

    public RestrictionChanged {
        ContractViolation.check("measure", Features.measureProblem(measure));
        ContractViolation.check("features", Features.problem(features));
        features = features == null ? List.of() : List.copyOf(features);
        sources = List.copyOf(sources);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }
}
