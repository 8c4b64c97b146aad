package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact amount in an ISO 4217 currency; the amount is a JSON string ("4000000.00"), never a float, of any size
 * up to {@link #MAX_INTEGER_DIGITS} digits. Courts have fined platforms amounts of more than 30 digits: a ledger
 * records what was imposed, exactly, so no amount is capped at what a long or a double can hold.
 */
@Schema(requiredProperties = {"currency", "amount"}, properties = {
        @SchemaProperty(name = "currency", description = "ISO 4217", pattern = "^[A-Z]{3}$", example = "RUB"),
        @SchemaProperty(name = "amount", implementation = String.class, pattern = "^[0-9]{1,100}(\\.[0-9]{1,4})?$",
                description = "an exact decimal, as a string", example = "4000000.00")})
public record Money(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    /**
     * The most digits before the decimal point: far beyond any fine ever imposed (and beyond 64- and 128-bit
     * integers), and a bound that only keeps a report from burdening the services (1e999999999 has a billion digits).
     */
    public static final int MAX_INTEGER_DIGITS = 100;
    /** The most digits after the decimal point: ISO 4217's largest minor unit. */
    public static final int MAX_FRACTION_DIGITS = 4;

    public Money {
        // A negative scale (1E+40) would print in scientific notation; the same value at scale 0 prints every digit.
        amount = amount == null || amount.scale() >= 0 ? amount : amount.setScale(0);
    }

    /** Whether the amount is within {@link #MAX_INTEGER_DIGITS} and {@link #MAX_FRACTION_DIGITS}. */
    public static boolean withinBounds(BigDecimal amount) {
        // Judged by precision and scale, never by writing the number out.
        return (long) amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS && amount.scale() <= MAX_FRACTION_DIGITS;
    }

    /** Why a fine names only one of the two. */
    public static final String TOGETHER =
            "a fine's amount and currency come together: give both, or neither when the amount is not known";

    /**
     * The rule for a fine's amount, held by {@link FineImposed}: greater than zero and {@link #withinBounds}.
     *
     * @return why the amount is not one a fine can have, or null when it is
     */
    public static String amountProblem(BigDecimal amount) {
        if (amount.signum() <= 0) {
            // Written out plainly only when that is short: -1E+999999999 would print a billion zeros.
            String shown = Math.abs((long) amount.scale()) > MAX_INTEGER_DIGITS ? amount.toString() : amount.toPlainString();
            return "a fine's amount must be greater than zero, was " + shown;
        }
        if (!withinBounds(amount)) {
            return "a fine's amount has at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
                    + MAX_FRACTION_DIGITS + " after it";
        }
        return null;
    }

    /**
     * The rule for a currency, held by {@link FineImposed}: an ISO 4217 code as ISO writes it (upper case).
     *
     * @return why the code is not a currency, or null when it is
     */
    public static String currencyProblem(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getCurrencyCode().equals(code) ? null : "unknown currency '" + code + "'";
        } catch (IllegalArgumentException | NullPointerException e) {
            return "unknown currency '" + code + "': expected an ISO 4217 code such as RUB, USD, EUR";
        }
    }

    /** Sums per currency, ordered by currency code; exact whatever the size. */
    public static List<Money> totals(Collection<Money> amounts) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        amounts.forEach(m -> sums.merge(m.currency(), m.amount(), BigDecimal::add));
        return sums.entrySet().stream().map(e -> new Money(e.getKey(), e.getValue())).toList();
    }
}
