package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A measure starts. Its event id is the restriction's id: later events about it point at it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestrictionImposed(
        Measure measure,
        List<String> features,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "restriction.imposed";

    public RestrictionImposed {
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
