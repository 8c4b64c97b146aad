package org.restrictionledger.support.problem;

/**
 * One reason one input field is wrong: {@code field} is a JSON path like {@code sources[0].url}. Both are cut to a
 * bounded length here, once, so that no error can echo a large input back.
 */
public record FieldError(String field, String reason) {

    public FieldError {
        field = Excerpt.message(field);
        reason = Excerpt.message(reason);
    }
}
