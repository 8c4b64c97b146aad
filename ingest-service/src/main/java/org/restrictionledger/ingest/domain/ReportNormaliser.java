package org.restrictionledger.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Direction;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.Precision;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Submitter;
import org.restrictionledger.events.Text;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.command.ChangeRestriction;
import org.restrictionledger.events.command.CorrectRecord;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.events.command.SettleFine;
import org.restrictionledger.ingest.api.ReportRequest;
import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.FieldError;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a report into a command, or into the complete list of what is wrong with it. Pure: no I/O, no clock, so the
 * same report always gets the same answer. The ledger checks the command against its stream afterwards; here only
 * what can be known from the report itself is checked.
 */
public final class ReportNormaliser {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 2048;
    public static final int MAX_SOURCES = 20;
    public static final int MAX_LIST = 20;
    /** The longest amount as written (digits, sign, point, exponent): room for {@link Money#MAX_INTEGER_DIGITS}. */
    public static final int MAX_AMOUNT_TEXT = 200;

    public static final List<String> TYPES = List.of(RestrictionImposed.TYPE, RestrictionChanged.TYPE,
            RestrictionLifted.TYPE, FineImposed.TYPE, FinePaid.TYPE, FineAnnulled.TYPE, AlternativePromoted.TYPE,
            RecordCorrected.TYPE);
    /** The types whose reports can be amended by a correction: those that carry their own content. */
    public static final List<String> AMENDABLE = List.of(RestrictionImposed.TYPE, FineImposed.TYPE, AlternativePromoted.TYPE);

    private static final Pattern WORD = Pattern.compile("[a-z0-9_]{1,64}");

    private ReportNormaliser() {
    }

    /** Either a command or every field error; never both. */
    public record Result(LedgerCommand command, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result normalise(ReportRequest report, UUID submissionId, Instant receivedAt) {
        return normalise(report, submissionId, receivedAt, null);
    }

    /** @param submitter who submits it (the token's subject), carried by the command onto its events; may be null */
    public static Result normalise(ReportRequest report, UUID submissionId, Instant receivedAt, Submitter submitter) {
        Errors errors = new Errors("");
        LedgerCommand command = report == null ? null
                : new Reading(report, errors, submissionId, receivedAt, submitter).command();
        if (report == null) {
            errors.add("body", "a report object is required");
        }
        return errors.list.isEmpty() ? new Result(command, List.of()) : new Result(null, List.copyOf(errors.list));
    }

    /** One report being read; fields are checked in the order a reader scans them, so errors come in that order. */
    private static final class Reading {
        private final ReportRequest r;
        private final Errors errors;
        private final UUID id;
        private final Instant receivedAt;
        private final Submitter submitter;

        Reading(ReportRequest report, Errors errors, UUID id, Instant receivedAt, Submitter submitter) {
            this.r = report;
            this.errors = errors;
            this.id = id;
            this.receivedAt = receivedAt;
            this.submitter = submitter;
        }

        LedgerCommand command() {
            String type = type();
            String country = required("country", r.country(), c -> Countries.resolve(c).orElse(null),
                    "unknown country '%s': give an ISO 3166-1 alpha-2 code or an English country name");
            Platform platform = required("platform", r.platform(), p -> Platforms.resolve(p).orElse(null),
                    "unknown platform '%s': give a known name or alias, or a lower-case slug (letters, digits, dashes)");
            LedgerCommand command = type == null ? null : body(type, country, platform);
            return errors.list.isEmpty() ? command : null;
        }

        private String type() {
            if (blank(r.type())) {
                errors.add("type", "required: one of " + TYPES);
                return null;
            }
            if (!TYPES.contains(r.type())) {
                errors.add("type", "unknown report type '" + Excerpt.of(r.type()) + "': expected one of " + TYPES);
                return null;
            }
            return r.type();
        }

        private LedgerCommand body(String type, String country, Platform platform) {
            boolean correction = RecordCorrected.TYPE.equals(type);
            Effective effective = correction && r.effective() == null
                    ? Effective.day(LocalDate.ofInstant(receivedAt, ZoneOffset.UTC))
                    : effective(r.effective());
            List<Source> sources = sources(r.sources());
            String authority = text("authority", r.authority(), MAX_NAME);
            String reason = text("reason", r.reason(), MAX_TEXT);
            StreamId stream = country == null || platform == null ? null : new StreamId(country, platform.slug());
            forbidUnless("restrictionId", r.restrictionId(), type, RestrictionChanged.TYPE, RestrictionLifted.TYPE);
            forbidUnless("fineId", r.fineId(), type, FinePaid.TYPE, FineAnnulled.TYPE);
            forbidUnless("targetEventId", r.targetEventId(), type, RecordCorrected.TYPE);
            if (Boolean.TRUE.equals(r.repeat()) && !RestrictionImposed.TYPE.equals(type) && !FineImposed.TYPE.equals(type)) {
                errors.add("repeat", "only a " + RestrictionImposed.TYPE + " or " + FineImposed.TYPE + " report can be a repeat");
            }
            switch (type) {
                case RestrictionImposed.TYPE -> {
                    Measure measure = measure("measure", r.measure(), true);
                    List<String> features = features(measure);
                    LegalBasis basis = legalBasis();
                    return stream == null || !errors.list.isEmpty() ? null : new ImposeRestriction(id, stream, measure,
                            features, authority, basis, reason, effective, sources, receivedAt, repeat(),
                            submitter);
                }
                case RestrictionChanged.TYPE -> {
                    UUID restrictionId = uuid("restrictionId", r.restrictionId(), false);
                    Measure from = measure("fromMeasure", r.fromMeasure(), restrictionId == null);
                    Direction direction = enumValue("direction", r.direction(), Direction.class, true);
                    Measure measure = measure("measure", r.measure(), true);
                    List<String> features = features(measure);
                    LegalBasis basis = legalBasis();
                    return stream == null || !errors.list.isEmpty() ? null : new ChangeRestriction(id, stream, from,
                            restrictionId, direction, measure, features, authority, basis, reason, effective, sources,
                            receivedAt, submitter);
                }
                case RestrictionLifted.TYPE -> {
                    UUID restrictionId = uuid("restrictionId", r.restrictionId(), false);
                    Measure measure = measure("measure", r.measure(), true);
                    return stream == null || !errors.list.isEmpty() ? null : new LiftRestriction(id, stream, measure,
                            restrictionId, authority, reason, effective, sources, receivedAt, submitter);
                }
                case FineImposed.TYPE -> {
                    String currency = currency();
                    BigDecimal amount = amount(currency);
                    LegalBasis basis = legalBasis();
                    return stream == null || !errors.list.isEmpty() ? null : new ImposeFine(id, stream, amount,
                            currency, authority, basis, reason, effective, sources, receivedAt, repeat(),
                            submitter);
                }
                case FinePaid.TYPE, FineAnnulled.TYPE -> {
                    UUID fineId = uuid("fineId", r.fineId(), true);
                    SettleFine.Settlement how = FinePaid.TYPE.equals(type) ? SettleFine.Settlement.PAID
                            : SettleFine.Settlement.ANNULLED;
                    return stream == null || !errors.list.isEmpty() ? null : new SettleFine(id, stream, how, fineId,
                            authority, reason, effective, sources, receivedAt, submitter);
                }
                case AlternativePromoted.TYPE -> {
                    List<String> replaces = replaces();
                    List<String> services = words("services", r.services(), false);
                    return stream == null || !errors.list.isEmpty() ? null : new PromoteAlternative(id, stream,
                            replaces, services, authority, reason, effective, sources, receivedAt, submitter);
                }
                default -> {
                    UUID target = uuid("targetEventId", r.targetEventId(), true);
                    RecordCorrected.Action action = enumValue("action", r.action(), RecordCorrected.Action.class, true);
                    if (reason == null) {
                        errors.add("reason", "required: say why the record was wrong");
                    }
                    LedgerEvent amended = amendment(action, country, platform);
                    return stream == null || !errors.list.isEmpty() ? null : new CorrectRecord(id, stream, target,
                            action, amended, reason, effective, sources, receivedAt, submitter);
                }
            }
        }

        /** The nested report of an AMEND, read like any report (inheriting country and platform) and made an event. */
        private LedgerEvent amendment(RecordCorrected.Action action, String country, Platform platform) {
            ReportRequest a = r.amendment();
            if (action != RecordCorrected.Action.AMEND) {
                if (a != null) {
                    errors.add("amendment", "only an AMEND carries an amendment");
                }
                return null;
            }
            if (a == null) {
                errors.add("amendment", "required for AMEND: the report as it should have been");
                return null;
            }
            if (a.type() != null && !AMENDABLE.contains(a.type())) {
                errors.add("amendment.type", "only " + AMENDABLE + " can be amended; retract other events and report "
                        + "them again");
                return null;
            }
            ReportRequest inherited = new ReportRequest(a.type(), a.country() == null ? country : a.country(),
                    a.platform() == null ? (platform == null ? null : platform.slug()) : a.platform(), a.measure(),
                    a.features(), a.fromMeasure(), a.direction(), a.restrictionId(), a.amount(), a.currency(),
                    a.fineId(), a.replaces(), a.services(), a.targetEventId(), a.action(), a.amendment(),
                    a.authority(), a.legalBasis(), a.reason(), a.effective(), a.sources() == null ? r.sources() : a.sources());
            Errors nested = new Errors("amendment.");
            LedgerCommand command = new Reading(inherited, nested, id, receivedAt, submitter).command();
            errors.list.addAll(nested.list);
            if (command instanceof ImposeRestriction c) {
                if (country != null && platform != null && !c.stream().equals(new StreamId(country, platform.slug()))) {
                    errors.add("amendment.platform", "an amendment stays on the stream of the event it corrects");
                }
                return new RestrictionImposed(c.measure(), c.features(), c.authority(), c.legalBasis(), c.reason(),
                        c.effective(), c.sources());
            } else if (command instanceof ImposeFine c) {
                return new FineImposed(c.amount(), c.currency(), c.authority(), c.legalBasis(), c.reason(),
                        c.effective(), c.sources());
            } else if (command instanceof PromoteAlternative c) {
                return new AlternativePromoted(c.replaces(), c.services(), c.authority(), c.reason(), c.effective(),
                        c.sources());
            }
            return null;
        }

        private boolean repeat() {
            return Boolean.TRUE.equals(r.repeat());
        }

        private <T> T required(String field, String value, Function<String, T> parse, String unknown) {
            if (blank(value)) {
                errors.add(field, "required");
                return null;
            }
            return optional(field, value, parse, unknown);
        }

        private <T> T optional(String field, String value, Function<String, T> parse, String unknown) {
            if (blank(value)) {
                return null;
            }
            if (value.length() > MAX_NAME) {
                errors.add(field, "longer than " + MAX_NAME + " characters");
                return null;
            }
            if (!code(field, value)) {
                return null;
            }
            T parsed = parse.apply(value.strip());
            if (parsed == null) {
                errors.add(field, String.format(unknown, Excerpt.of(value)));
            }
            return parsed;
        }

        private Measure measure(String field, String value, boolean required) {
            return enumValue(field, value, Measure.class, required);
        }

        private LegalBasis legalBasis() {
            return enumValue("legalBasis", r.legalBasis(), LegalBasis.class, false);
        }

        private <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, boolean required) {
            Function<String, E> parse = v -> parseEnum(type, v);
            String unknown = "unknown " + field + " '%s': expected one of " + Arrays.toString(type.getEnumConstants());
            return required ? required(field, value, parse, unknown) : optional(field, value, parse, unknown);
        }

        private UUID uuid(String field, String value, boolean required) {
            Function<String, UUID> parse = ReportNormaliser::parseUuid;
            String unknown = "'%s' is not an event id (a UUID)";
            return required ? required(field, value, parse, unknown) : optional(field, value, parse, unknown);
        }

        private void forbidUnless(String field, String value, String type, String... allowed) {
            if (!blank(value) && !List.of(allowed).contains(type)) {
                errors.add(field, "not part of a " + type + " report");
            }
        }

        private String text(String field, String value, int max) {
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
        private boolean code(String field, String value) {
            String problem = Text.codeProblem(value);
            if (problem != null) {
                errors.add(field, problem);
                return false;
            }
            return true;
        }

        private LocalDate inRange(String field, LocalDate date) {
            if (!Text.inDateRange(date)) {
                errors.add(field, "'" + date + "' is outside the years 1 to 9999");
                return null;
            }
            return date;
        }

        private List<String> features(Measure measure) {
            List<String> features = words("features", r.features(), false);
            if (features.isEmpty() && measure == Measure.FEATURE_LIMIT) {
                errors.add("features", "a FEATURE_LIMIT names at least one feature, e.g. voice_calls");
            }
            return features;
        }

        private List<String> words(String field, List<String> values, boolean required) {
            if (values == null || values.isEmpty()) {
                if (required) {
                    errors.add(field, "required: at least one");
                }
                return List.of();
            }
            if (values.size() > MAX_LIST) {
                errors.add(field, "at most " + MAX_LIST + " entries");
                return List.of();
            }
            List<String> normalised = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String word = values.get(i) == null ? "" : values.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
                if (!WORD.matcher(word).matches()) {
                    errors.add(field + "[" + i + "]", "a lower-case word like voice_calls, was '" + Excerpt.of(values.get(i)) + "'");
                } else if (!normalised.contains(word)) {
                    normalised.add(word);
                }
            }
            return normalised.stream().sorted().toList();
        }

        private List<String> replaces() {
            if (r.replaces() == null || r.replaces().isEmpty()) {
                errors.add("replaces", "required: the platforms it is promoted to replace");
                return List.of();
            }
            if (r.replaces().size() > MAX_LIST) {
                errors.add("replaces", "at most " + MAX_LIST + " entries");
                return List.of();
            }
            List<String> slugs = new ArrayList<>();
            for (int i = 0; i < r.replaces().size(); i++) {
                String name = r.replaces().get(i);
                if (name != null && !code("replaces[" + i + "]", name)) {
                    continue;
                }
                Platform platform = name == null ? null : Platforms.resolve(name).orElse(null);
                if (platform == null) {
                    errors.add("replaces[" + i + "]", "unknown platform '" + Excerpt.of(name) + "'");
                } else if (!slugs.contains(platform.slug())) {
                    slugs.add(platform.slug());
                }
            }
            return slugs;
        }

        private String currency() {
            if (blank(r.currency())) {
                if (r.amount() != null && !r.amount().isNull()) {
                    errors.add("currency", "required with an amount: an ISO 4217 code such as RUB");
                }
                return null;
            }
            if (!code("currency", r.currency())) {
                return null;
            }
            String code = r.currency().strip().toUpperCase(Locale.ROOT);
            try {
                Currency.getInstance(code);
                return code;
            } catch (IllegalArgumentException e) {
                errors.add("currency", "unknown currency '" + Excerpt.of(r.currency()) + "': expected an ISO 4217 code such as RUB");
                return null;
            }
        }

        private BigDecimal amount(String currency) {
            JsonNode node = r.amount();
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
            // Judged by precision and scale, never by writing the number out: 1e999999999 has a billion digits.
            if (amount.signum() <= 0) {
                errors.add("amount", "must be greater than zero, was " + Excerpt.of(raw));
                return null;
            }
            if ((long) amount.precision() - amount.scale() > Money.MAX_INTEGER_DIGITS) {
                errors.add("amount", "more than " + Money.MAX_INTEGER_DIGITS + " digits before the decimal point");
                return null;
            }
            if (amount.scale() > MAX_AMOUNT_TEXT) {
                errors.add("amount", "more than " + MAX_AMOUNT_TEXT + " decimal places");
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

        private Effective effective(JsonNode node) {
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
                    errors.add("effective.precision", "required: DAY, MONTH or YEAR");
                } else if ((precision = parseEnum(Precision.class, p)) == null) {
                    errors.add("effective.precision", "unknown precision '" + Excerpt.of(p) + "': expected DAY, MONTH or YEAR");
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

        private LocalDate date(String field, String text) {
            if (text.isBlank()) {
                errors.add(field, "required: an ISO date like 2026-02-12");
                return null;
            }
            try {
                return inRange(field, LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                errors.add(field, "'" + Excerpt.of(text) + "' is not an ISO date like 2026-02-12");
                return null;
            }
        }

        private List<Source> sources(List<ReportRequest.SourceRequest> sources) {
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
        private final String prefix;
        private final List<FieldError> list = new ArrayList<>();

        Errors(String prefix) {
            this.prefix = prefix;
        }

        void add(String field, String reason) {
            list.add(new FieldError(prefix + field, reason));
        }
    }
}
