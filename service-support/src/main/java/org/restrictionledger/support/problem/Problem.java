package org.restrictionledger.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code errors} is an extension member that lists
 * every field error of the request at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://restrictionledger.org/problems/";

    public Problem {
        detail = Excerpt.message(detail);
        errors = errors == null ? List.of()
                : List.copyOf(errors.size() > Excerpt.MAX_ERRORS ? errors.subList(0, Excerpt.MAX_ERRORS) : errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public static Problem invalid(String title, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new Problem(TYPE_BASE + "invalid-request", title, 400, detail, null, errors);
    }

    public Problem at(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, errors);
    }
}
