package org.restrictionledger.support.problem;

/** One reason one input field is wrong: {@code field} is a JSON path like {@code sources[0].url}. */
public record FieldError(String field, String reason) {
}
