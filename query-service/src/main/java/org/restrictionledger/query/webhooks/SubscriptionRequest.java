package org.restrictionledger.query.webhooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.restrictionledger.events.Text;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.FieldError;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A new subscription as an operator asks for it. Read strictly: an unknown member is refused (a misspelt filter,
 * {@code "country"} for {@code "countries"}, would otherwise subscribe to everything), and every field error is
 * listed at once, each naming its field ({@code countries[1]}).
 */
@Schema(description = "A webhook subscription to status changes; an empty or absent filter matches everything")
public record SubscriptionRequest(
        @Schema(description = "Where deliveries are POSTed: an absolute http(s) URL without user info or fragment",
                required = true, examples = "https://partner.example.org/hooks/restrictions") String url,
        @Schema(description = "Free text for operators, at most 200 characters") String description,
        @Schema(description = "ISO codes or names (\"RU\", \"Russia\"); none for every country") List<String> countries,
        @Schema(description = "Platform slugs or names (\"whatsapp\", \"WhatsApp\"); none for every platform") List<String> platforms,
        @Schema(description = "BLOCKED, RESTRICTED, THROTTLED, OPEN: the status after the change; none for any") List<String> statuses) {

    /** The largest body the API reads. */
    public static final int MAX_BODY = 16 * 1024;
    static final int MAX_URL = 2048;
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_FILTER = 300;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What the request asks for, normalised (codes and slugs, no repeats). */
    public record Valid(String url, String description, Filter filter) {
    }

    /** Reads and checks a body; a 400 problem listing every field error, or a 413 for a body over 16 KiB. */
    public static Valid read(byte[] body) {
        if (body != null && body.length > MAX_BODY) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "the body has " + body.length + " bytes; this endpoint takes at most " + MAX_BODY));
        }
        if (body == null || body.length == 0) {
            throw invalid(List.of(new FieldError("body", "a subscription object is required")));
        }
        SubscriptionRequest request;
        try {
            request = STRICT.readValue(body, SubscriptionRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(List.of(new FieldError(Excerpt.of(e.getPropertyName()),
                    "unknown member; a subscription has url, description, countries, platforms, statuses")));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            throw invalid(List.of(new FieldError(field.isEmpty() ? "body" : field.substring(1),
                    "wrong type: " + (field.isEmpty() ? "a JSON object is required" : "see the API description"))));
        } catch (IOException e) {
            throw invalid(List.of(new FieldError("body", "not a JSON object")));
        }
        if (request == null) {
            throw invalid(List.of(new FieldError("body", "a subscription object is required")));
        }
        return request.validate();
    }

    Valid validate() {
        List<FieldError> errors = new ArrayList<>();
        String checkedUrl = url(url, errors);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "at most " + MAX_DESCRIPTION + " characters"));
        } else if (Text.freeTextProblem(description) != null) {
            // PostgreSQL refuses U+0000 in text (a 500 at the INSERT) and stores an unpaired surrogate as '?'.
            errors.add(new FieldError("description", Text.freeTextProblem(description)));
        }
        List<String> codes = each("countries", countries, errors, text -> Countries.resolve(text).orElse(null),
                "an ISO 3166 country code or name");
        List<String> slugs = each("platforms", platforms, errors,
                text -> Platforms.resolve(text).map(p -> p.slug()).orElse(null), "a platform slug or name");
        List<String> names = each("statuses", statuses, errors,
                text -> Values.enumConstant(Status.class, text).map(Enum::name).orElse(null),
                "one of " + Values.names(Status.class));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new Valid(checkedUrl, description == null || description.isBlank() ? null : description.strip(),
                new Filter(codes, slugs, names));
    }

    private static String url(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "required: where deliveries are POSTed"));
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(new FieldError("url", "at most " + MAX_URL + " characters"));
            return null;
        }
        if (Text.codeProblem(url.strip()) != null) {
            errors.add(new FieldError("url", Text.codeProblem(url.strip())));
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add(new FieldError("url", "an http or https URL, not '" + Excerpt.of(url) + "'"));
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                errors.add(new FieldError("url", "an absolute URL with a host"));
            } else if (uri.getRawUserInfo() != null) {
                errors.add(new FieldError("url", "no user info: credentials in a URL end up in logs; the signature "
                        + "authenticates deliveries"));
            } else if (uri.getRawFragment() != null) {
                errors.add(new FieldError("url", "no fragment: it is never sent"));
            } else {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "not a URL: " + Excerpt.of(e.getReason())));
        }
        return null;
    }

    private static List<String> each(String field, List<String> values, List<FieldError> errors,
                                     Function<String, String> resolve, String expected) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_FILTER) {
            errors.add(new FieldError(field, "at most " + MAX_FILTER + " entries"));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String resolved = value == null || value.isBlank() ? null : resolve.apply(value);
            if (resolved == null) {
                errors.add(new FieldError(field + "[" + i + "]", expected + ", not '" + Excerpt.of(value) + "'"));
            } else {
                out.add(resolved);
            }
        }
        return List.copyOf(out);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.invalid("Invalid webhook subscription", errors));
    }
}
