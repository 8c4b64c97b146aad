package org.restrictionledger.support.input;

import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How every edge reads a value a client typed: enums, whole numbers, dates, instants and ids, each read one way and
 * refused with one message shape, whatever the service or field.
 * <p>
 * Each kind comes in two forms: {@code xxxProblem(text)} says why the text is not one (null when it is), for readers
 * that collect every field error of a body before answering; {@code xxx(field, text)} reads it or throws a 400 naming
 * the field, for query parameters and headers. A null text is an absent value in both forms; whether it is allowed is
 * the caller's rule.
 */
public final class Values {

    private Values() {
    }

    /**
     * An enum constant by its name in any case, with spaces or hyphens for underscores: {@code full-block},
     * {@code Full Block} and {@code FULL_BLOCK} are the same.
     */
    public static <E extends Enum<E>> Optional<E> enumConstant(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** @return why the text names none of the type's constants, or null when it names one (or is absent) */
    public static <E extends Enum<E>> String enumProblem(Class<E> type, String text) {
        return text == null || enumConstant(type, text).isPresent() ? null
                : "'" + Excerpt.of(text) + "': expected one of " + names(type);
    }

    /** @return the constant the text names, or null when absent; a 400 naming the field when it names none */
    public static <E extends Enum<E>> E enumValue(String field, String text, Class<E> type) {
        return text == null ? null : enumConstant(type, text).orElseThrow(() -> ProblemException.invalid(field, enumProblem(type, text)));
    }

    /** The constants as a client writes them, comma-separated. */
    public static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** @return why the text is not a whole number in [min, max], or null when it is (or is absent) */
    public static String numberProblem(String text, long min, long max) {
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return "'" + Excerpt.of(text) + "' is not a whole number";
        }
        return value < min || value > max ? "between " + min + " and " + max + ", was " + value : null;
    }

    /**
     * A whole number in [min, max] (query parameter or header): a bad one is a 400 that names it, never the 404 that
     * JAX-RS gives a query parameter it cannot convert.
     */
    public static Long number(String field, String text, long min, long max) {
        String problem = numberProblem(text, min, max);
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
        return text == null ? null : Long.parseLong(text.strip());
    }

    /** @return why the text is not an ISO date, or null when it is (or is absent) */
    public static String dateProblem(String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate.parse(text);
            return null;
        } catch (DateTimeParseException e) {
            return "'" + Excerpt.of(text) + "' is not a date like 2026-02-12";
        }
    }

    public static LocalDate date(String field, String text) {
        String problem = dateProblem(text);
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
        return text == null ? null : LocalDate.parse(text);
    }

    /** An RFC 3339 instant with an offset, e.g. {@code 2026-02-12T10:00:00Z}. */
    public static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + Excerpt.of(text) + "' is not an RFC 3339 instant like 2026-02-12T10:00:00Z");
        }
    }

    /** @return the id, or empty when the text is not a UUID in its canonical form */
    public static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static UUID uuid(String field, String text) {
        return text == null ? null : uuid(text).orElseThrow(() -> ProblemException.invalid(field, "'" + Excerpt.of(text) + "' is not an id (a UUID)"));
    }
}
