package org.restrictionledger.events.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;

import java.util.List;
import java.util.UUID;

/** A measure in force: what {@code restriction.imposed} started and nothing has ended yet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveMeasure(
        UUID restrictionId,
        Measure measure,
        List<String> features,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective since,
        List<Source> sources) {
}
