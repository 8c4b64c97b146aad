package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An exact amount in an ISO 4217 currency; the amount is a JSON string ("4000000.00"), never a float. */
@Schema(requiredProperties = {"currency", "amount"}, properties = {
        @SchemaProperty(name = "currency", description = "ISO 4217", pattern = "^[A-Z]{3}$", example = "RUB"),
        @SchemaProperty(name = "amount", implementation = String.class, pattern = "^-?[0-9]+(\\.[0-9]+)?$",
                description = "an exact decimal, as a string", example = "4000000.00")})
public record Money(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    /** Sums per currency, ordered by currency code. */
    public static List<Money> totals(Collection<Money> amounts) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        amounts.forEach(m -> sums.merge(m.currency(), m.amount(), BigDecimal::add));
        return sums.entrySet().stream().map(e -> new Money(e.getKey(), e.getValue())).toList();
    }
}
