package org.restrictionledger.events.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.Source;

import java.util.List;
import java.util.UUID;

/**
 * A fine as the fold sees it: imposed, then perhaps paid or annulled.
 *
 * @param amount null when the sources report the fine without its amount
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fine(
        UUID fineId,
        Money amount,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective imposedOn,
        State state,
        Effective settledOn,
        List<Source> sources) {

    @Schema(name = "FineState")
    public enum State {
        OUTSTANDING, PAID, ANNULLED
    }

    Fine settle(State newState, Effective on) {
        return new Fine(fineId, amount, authority, legalBasis, reason, imposedOn, newState, on, sources);
    }
}
