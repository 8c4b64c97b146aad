package org.restrictionledger.ingest.domain.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Features;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.Text;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.ingest.domain.ReportRequest;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.Excerpt;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the fields of a report, whatever its type: names and codes, enums, ids, free text, word lists, dates, sources
 * and money. Each reader answers the value, or null (or an empty list) after noting why in {@link FieldErrors}, so
 * that one pass finds every error of a body. Enums, ids and dates are read by {@code support.input.Values}, money by
 * the contract's own rules ({@link Money}), the same as everywhere else.
 */
public final class FieldReader {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 2048;
    public static final int MAX_SOURCES = 20;
    public static final int MAX_LIST = Features.MAX;
    /** The longest amount as written (digits, sign, point, exponent): room for {@link Money#MAX_INTEGER_DIGITS}. */
    public static final int MAX_AMOUNT_TEXT = 200;

    private final FieldErrors errors;

    public FieldReader(FieldErrors errors) {
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }

    /** Whether nothing read so far was wrong: only then may a command be built. */
    public boolean clean() {
        return errors.isEmpty();
    }

    /**
     * A name or code that {@code resolve} looks up (a country, a platform).
     *
     * @param unknown the message when {@code resolve} knows it not, with {@code %s} for what was written
     */
    public <T> T name(String field, String value, boolean required, Function<String, Optional<T>> resolve,
                      String unknown) {
        if (blank(value)) {
            if (required) {
                errors.add(field, "required");
            }
            return null;
        }
        if (value.length() > MAX_NAME) {
            errors.add(field, "longer than " + MAX_NAME + " characters");
            return null;
        }
        if (!code(field, value)) {
            return null;
        }
        Optional<T> found = resolve.apply(value.strip());
        if (found.isEmpty()) {
            errors.add(field, String.format(unknown, Excerpt.of(value)));
        }
        return found.orElse(null);
    }

    /** An enum constant in any case, with spaces or hyphens for underscores ({@code full-block}). */
    public <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, boolean required) {
        return name(field, value, required, v -> Values.enumConstant(type, v), "'%s': expected one of "
                + Values.names(type));
    }

    /** An id: a UUID in its canonical form. */
    public UUID uuid(String field, String value, boolean required) {
        return name(field, value, required, Values::uuid, "'%s' is not an id (a UUID)");
    }

    /** Refuses a field that the report's type does not have. */
    public void forbidUnless(String field, String value, String type, List<String> allowed) {
        if (!blank(value) && !allowed.contains(type)) {
            errors.add(field, "not part of a " + type + " report");
        }
    }

    /** Free text (a reason, an authority), stripped; null when absent. */
    public String text(String field, String value, int max) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > max) {
            errors.add(field, "longer than " + max + " characters");
            return null;
        }
        String problem = Text.freeTextProblem(value);
        if (problem != null) {
            errors.add(field, problem);
            return null;
        }
        return value.strip();
    }

    /** A code, name or key: false (and the error noted) when it carries what no code may (see {@link Text}). */
    public boolean code(String field, String value) {
        String problem = Text.codeProblem(value);
        if (problem != null) {
            errors.add(field, problem);
            return false;
        }
        return true;
    }

    /**
     * Lower-case words ({@code voice_calls}), as the contract's {@link Features#WORD} says: written in any case, with
     * spaces for underscores; sorted, each once.
     */
    public List<String> words(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > MAX_LIST) {
            errors.add(field, "at most " + MAX_LIST + " entries");
            return List.of();
        }
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String word = values.get(i) == null ? "" : values.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!Features.WORD.matcher(word).matches()) {
                errors.add(field + "[" + i + "]", "a lower-case word like voice_calls, was '" + Excerpt.of(values.get(i)) + "'");
            } else if (!normalised.contains(word)) {
                normalised.add(word);
            }
        }
        return normalised.stream().sorted().toList();
    }

    /** Platforms by name, alias or slug, as their slugs, each once, in the order written; at least one. */
    public List<String> platforms(String field, List<String> names) {
        if (names == null || names.isEmpty()) {
            errors.add(field, "required: the platforms it is promoted to replace");
            return List.of();
        }
        if (names.size() > MAX_LIST) {
            errors.add(field, "at most " + MAX_LIST + " entries");
            return List.of();
        }
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name != null && !code(field + "[" + i + "]", name)) {
                continue;
            }
            Platform platform = name == null ? null : Platforms.resolve(name).orElse(null);
            if (platform == null) {
                errors.add(field + "[" + i + "]", "unknown platform '" + Excerpt.of(name) + "'");
            } else if (!slugs.contains(platform.slug())) {
                slugs.add(platform.slug());
            }
        }
        return slugs;
    }

    /** An ISO 4217 code in any case; required when an amount is given. */
    public String currency(String value, JsonNode amount) {
        if (blank(value)) {
            if (amount != null && !amount.isNull()) {
                errors.add("currency", "required with an amount: an ISO 4217 code such as RUB");
            }
            return null;
        }
        if (!code("currency", value)) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        String problem = Money.currencyProblem(code);
        if (problem != null) {
            errors.add("currency", problem);
            return null;
        }
        return code;
    }

    /**
     * An exact amount, as a string or a JSON number, held to the contract's rules for a fine ({@link Money}) and scaled
     * to the currency's minor unit when the currency is known; required when a currency is given.
     */
    public BigDecimal amount(JsonNode node, String currency) {
        if (node == null || node.isNull()) {
            if (currency != null) {
                errors.add("amount", "required with a currency");
            }
            return null;
        }
        if (!node.isNumber() && !node.isTextual()) {
            errors.add("amount", "expected a decimal as a string (\"4000000.00\") or a JSON number");
            return null;
        }
        String raw = node.isNumber() ? node.asText() : node.asText().strip().replace("_", "");
        if (raw.length() > MAX_AMOUNT_TEXT) {
            errors.add("amount", "longer than " + MAX_AMOUNT_TEXT + " characters");
            return null;
        }
        BigDecimal amount;
        try {
            amount = node.isNumber() ? node.decimalValue() : new BigDecimal(raw);
        } catch (NumberFormatException e) {
            errors.add("amount", "'" + Excerpt.of(raw) + "' is not a decimal amount like 4000000.00");
            return null;
        }
        // Judged by precision and scale, never by writing the number out: 1e999999999 has a billion digits. Trailing
        // zeros are not digits of the amount (4000000.000000 is 4000000).
        String problem = Money.amountProblem(amount.signum() <= 0 ? amount : amount.stripTrailingZeros());
        if (problem != null) {
            errors.add("amount", problem);
            return null;
        }
        if (currency == null) {
            return amount;
        }
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > digits) {
            errors.add("amount", amount.toPlainString() + " has more decimal places than " + currency + " has (" + digits + ")");
            return null;
        }
        return amount.setScale(digits);
    }

    /**
     * When it took effect: {@code "2026-02-12"} (day), {@code "2025-12"} (month), {@code "2025"} (year), or
     * {@code {"date": …, "precision": …}}.
     */
    public Effective effective(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            errors.add("effective", "required: a date like 2026-02-12, a month like 2025-12, or a year like 2025");
            return null;
        }
        if (node.isTextual()) {
            return shorthand(node.asText());
        }
        if (node.isObject()) {
            String p = node.path("precision").asText("");
            if (!code("effective.precision", p)) {
                return null;
            }
            Precision precision = null;
            if (p.isBlank()) {
                errors.add("effective.precision", "required: " + Values.names(Precision.class));
            } else if ((precision = Values.enumConstant(Precision.class, p).orElse(null)) == null) {
                errors.add("effective.precision", Values.enumProblem(Precision.class, p));
            }
            LocalDate date = date("effective.date", node.path("date").asText(""));
            return date == null || precision == null ? null : new Effective(date, precision);
        }
        errors.add("effective", "expected a date string or an object with date and precision");
        return null;
    }

    private Effective shorthand(String text) {
        try {
            Effective effective = switch (text.length()) {
                case 4 -> new Effective(Year.parse(text).atDay(1), Precision.YEAR);
                case 7 -> new Effective(YearMonth.parse(text).atDay(1), Precision.MONTH);
                default -> new Effective(LocalDate.parse(text), Precision.DAY);
            };
            return inRange("effective", effective.date()) == null ? null : effective;
        } catch (DateTimeParseException e) {
            errors.add("effective", "'" + Excerpt.of(text) + "' is not a date like 2026-02-12, a month like 2025-12, or a year like 2025");
            return null;
        }
    }

    /** A required ISO date within the years every store shares. */
    public LocalDate date(String field, String text) {
        if (text.isBlank()) {
            errors.add(field, "required: an ISO date like 2026-02-12");
            return null;
        }
        String problem = Values.dateProblem(text);
        if (problem != null) {
            errors.add(field, problem);
            return null;
        }
        return inRange(field, LocalDate.parse(text));
    }

    private LocalDate inRange(String field, LocalDate date) {
        if (!Text.inDateRange(date)) {
            errors.add(field, "'" + date + "' is outside the years 1 to 9999");
            return null;
        }
        return date;
    }

    /** At least one source, each a URL and/or a publisher. */
    public List<Source> sources(List<ReportRequest.SourceRequest> sources) {
        if (sources == null || sources.isEmpty()) {
            errors.add("sources", "at least one source is required: a URL and/or a publisher");
            return List.of();
        }
        if (sources.size() > MAX_SOURCES) {
            errors.add("sources", "at most " + MAX_SOURCES + " sources");
            return List.of();
        }
        List<Source> result = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ReportRequest.SourceRequest source = sources.get(i);
            String at = "sources[" + i + "]";
            if (source == null || (blank(source.url()) && blank(source.publisher()))) {
                errors.add(at, "a source needs a url or a publisher");
                continue;
            }
            String url = blank(source.url()) ? null : source.url().strip();
            if (url != null && code(at + ".url", url) && !isHttpUrl(url)) {
                errors.add(at + ".url", "'" + Excerpt.of(url) + "' is not an absolute http(s) URL");
            }
            String publisher = text(at + ".publisher", source.publisher(), MAX_NAME);
            LocalDate publishedOn = blank(source.publishedOn()) ? null : date(at + ".publishedOn", source.publishedOn());
            result.add(new Source(url, publisher, publishedOn));
        }
        return result;
    }

    private static boolean isHttpUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
