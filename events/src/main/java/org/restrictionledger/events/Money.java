package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An exact amount in an ISO 4217 currency; the amount is a JSON string ("4000000.00"), never a float. */
public record Money(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    /** Sums per currency, ordered by currency code. */
    public static List<Money> totals(Collection<Money> amounts) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        amounts.forEach(m -> sums.merge(m.currency(), m.amount(), BigDecimal::add));
        return sums.entrySet().stream().map(e -> new Money(e.getKey(), e.getValue())).toList();
    }
}
