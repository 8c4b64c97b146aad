package org.restrictionledger.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.ingest.api.ReportRequest;
import org.restrictionledger.support.problem.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a report into a command, or into the complete list of what is wrong with it. Pure: no I/O, no clock, so the
 * same report always gets the same answer.
 */
public final class ReportNormaliser {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 2048;
    public static final int MAX_SOURCES = 20;
    public static final int MAX_FEATURES = 20;

    private static final Pattern FEATURE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final List<String> TYPES = List.of(RestrictionImposed.TYPE, RestrictionLifted.TYPE);

    private ReportNormaliser() {
    }

    /** Either a command or every field error; never both. */
    public record Result(LedgerCommand command, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result normalise(ReportRequest report, UUID submissionId, Instant receivedAt) {
        Errors errors = new Errors();
        if (report == null) {
            errors.add("body", "a report object is required");
            return new Result(null, errors.list);
        }
        String type = report.type();
        if (type == null || type.isBlank()) {
            errors.add("type", "required: one of " + TYPES);
        } else if (!TYPES.contains(type)) {
            errors.add("type", "unknown report type '" + type + "': expected one of " + TYPES);
        }
        String country = required(errors, "country", report.country(), c -> Countries.resolve(c).orElse(null),
                "unknown country '%s': give an ISO 3166-1 alpha-2 code or an English country name");
        Platform platform = required(errors, "platform", report.platform(), p -> Platforms.resolve(p).orElse(null),
                "unknown platform '%s': give a known name or alias, or a lower-case slug (letters, digits, dashes)");
        Measure measure = required(errors, "measure", report.measure(), m -> parseEnum(Measure.class, m),
                "unknown measure '%s': expected one of " + Arrays.toString(Measure.values()));
        LegalBasis legalBasis = optional(errors, "legalBasis", report.legalBasis(), b -> parseEnum(LegalBasis.class, b),
                "unknown legal basis '%s': expected one of " + Arrays.toString(LegalBasis.values()));
        List<String> features = features(errors, report.features(), measure);
        String authority = text(errors, "authority", report.authority(), MAX_NAME);
        String reason = text(errors, "reason", report.reason(), MAX_TEXT);
        Effective effective = effective(errors, report.effective());
        List<Source> sources = sources(errors, report.sources());
        UUID restrictionId = optional(errors, "restrictionId", report.restrictionId(), ReportNormaliser::parseUuid,
                "'%s' is not a UUID");
        if (restrictionId != null && RestrictionImposed.TYPE.equals(type)) {
            errors.add("restrictionId", "only a lift names the restriction it ends");
        }

        if (!errors.list.isEmpty()) {
            return new Result(null, errors.list);
        }
        StreamId stream = new StreamId(country, platform.slug());
        LedgerCommand command = RestrictionImposed.TYPE.equals(type)
                ? new ImposeRestriction(submissionId, stream, measure, features, authority, legalBasis, reason,
                        effective, sources, receivedAt)
                : new LiftRestriction(submissionId, stream, measure, restrictionId, authority, reason, effective,
                        sources, receivedAt);
        return new Result(command, List.of());
    }

    private static <T> T required(Errors errors, String field, String value, Function<String, T> parse, String unknown) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required");
            return null;
        }
        return optional(errors, field, value, parse, unknown);
    }

    private static <T> T optional(Errors errors, String field, String value, Function<String, T> parse, String unknown) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            errors.add(field, "longer than " + MAX_NAME + " characters");
            return null;
        }
        T parsed = parse.apply(value.strip());
        if (parsed == null) {
            errors.add(field, String.format(unknown, value));
        }
        return parsed;
    }

    private static String text(Errors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(field, "longer than " + max + " characters");
        }
        return value.strip();
    }

    private static List<String> features(Errors errors, List<String> features, Measure measure) {
        if (features == null || features.isEmpty()) {
            if (measure == Measure.FEATURE_LIMIT) {
                errors.add("features", "a FEATURE_LIMIT names at least one feature, e.g. voice_calls");
            }
            return List.of();
        }
        if (features.size() > MAX_FEATURES) {
            errors.add("features", "at most " + MAX_FEATURES + " features");
            return List.of();
        }
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            String feature = features.get(i) == null ? "" : features.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!FEATURE.matcher(feature).matches()) {
                errors.add("features[" + i + "]", "a feature is a lower-case word like voice_calls, was '" + features.get(i) + "'");
            } else if (!normalised.contains(feature)) {
                normalised.add(feature);
            }
        }
        return normalised.stream().sorted().toList();
    }

    private static Effective effective(Errors errors, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            errors.add("effective", "required: a date like 2026-02-12, a month like 2025-12, or a year like 2025");
            return null;
        }
        if (node.isTextual()) {
            return shorthand(errors, node.asText());
        }
        if (node.isObject()) {
            Precision precision = null;
            String p = node.path("precision").asText("");
            if (p.isBlank()) {
                errors.add("effective.precision", "required: DAY, MONTH or YEAR");
            } else {
                precision = parseEnum(Precision.class, p);
                if (precision == null) {
                    errors.add("effective.precision", "unknown precision '" + p + "': expected DAY, MONTH or YEAR");
                }
            }
            LocalDate date = date(errors, "effective.date", node.path("date").asText(""));
            return date == null || precision == null ? null : new Effective(date, precision);
        }
        errors.add("effective", "expected a date string or an object with date and precision");
        return null;
    }

    private static Effective shorthand(Errors errors, String text) {
        try {
            return switch (text.length()) {
                case 4 -> new Effective(Year.parse(text).atDay(1), Precision.YEAR);
                case 7 -> new Effective(YearMonth.parse(text).atDay(1), Precision.MONTH);
                default -> new Effective(LocalDate.parse(text), Precision.DAY);
            };
        } catch (DateTimeParseException e) {
            errors.add("effective", "'" + text + "' is not a date like 2026-02-12, a month like 2025-12, or a year like 2025");
            return null;
        }
    }

    private static LocalDate date(Errors errors, String field, String text) {
        if (text.isBlank()) {
            errors.add(field, "required: an ISO date like 2026-02-12");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "'" + text + "' is not an ISO date like 2026-02-12");
            return null;
        }
    }

    private static List<Source> sources(Errors errors, List<ReportRequest.SourceRequest> sources) {
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
            if (url != null && !isHttpUrl(url)) {
                errors.add(at + ".url", "'" + url + "' is not an absolute http(s) URL");
            }
            String publisher = text(errors, at + ".publisher", source.publisher(), MAX_NAME);
            LocalDate publishedOn = blank(source.publishedOn()) ? null : date(errors, at + ".publishedOn", source.publishedOn());
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String reason) {
            list.add(new FieldError(field, reason));
        }
    }
}
