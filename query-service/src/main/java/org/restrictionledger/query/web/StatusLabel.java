package org.restrictionledger.query.web;

import org.restrictionledger.events.status.Status;

/**
 * A status as the page shows it: {@code code} picks the colour and pattern (CSS class {@code st-CODE}), {@code label}
 * says it in words, so colour is never the only carrier of the meaning.
 */
public record StatusLabel(String code, String label) {

    static final StatusLabel NO_RECORD = new StatusLabel("NONE", "No record");

    static StatusLabel of(Status status) {
        return status == null ? NO_RECORD : new StatusLabel(status.name(), Text.label(status));
    }
}
