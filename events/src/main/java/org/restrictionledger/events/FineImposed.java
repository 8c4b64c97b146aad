package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * A court or regulator fines the platform. Its event id is the fine's id. {@code amount} is an exact decimal, written
 * in JSON as a string ("4000000.00") so that no reader ever sees a binary float; {@code currency} is ISO 4217. Both are
 * null when the sources report a fine without its amount. The constructor holds the contract's rules for both
 * ({@link Money#TOGETHER}, {@link Money#amountProblem}, {@link Money#currencyProblem}) and refuses a fine that breaks
 * one with a {@link ContractViolation}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FineImposed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String authority,
        LegalBasis legalBasis,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "fine.imposed";

    public FineImposed {
        ContractViolation.check("amount", (amount == null) != (currency == null) ? Money.TOGETHER : null);
        if (amount != null) {
            ContractViolation.check("amount", Money.amountProblem(amount));
            ContractViolation.check("currency", Money.currencyProblem(currency));
        }
        sources = List.copyOf(sources);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }
}
