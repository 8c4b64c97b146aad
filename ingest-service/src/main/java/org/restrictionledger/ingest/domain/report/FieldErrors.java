package org.restrictionledger.ingest.domain.report;

import org.restrictionledger.support.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Every error of one report, in the order its fields were read. A nested report (an amendment) writes into its own,
 * whose names carry a prefix ({@code amendment.}), and is then added to its parent's.
 */
public final class FieldErrors {

    private final String prefix;
    private final List<FieldError> list = new ArrayList<>();

    public FieldErrors() {
        this("");
    }

    public FieldErrors(String prefix) {
        this.prefix = prefix;
    }

    public void add(String field, String reason) {
        list.add(new FieldError(prefix + field, reason));
    }

    /** Adds a nested report's errors, whose names already carry their prefix. */
    public void addAll(FieldErrors nested) {
        list.addAll(nested.list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(list);
    }
}
