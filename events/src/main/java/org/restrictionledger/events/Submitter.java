package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * Who reported a fact: the subject ({@code sub}) of the bearer token that submitted it, and the name the identity
 * provider gave it ({@code preferred_username}), when there is one. Ingest puts it on the command; the ledger copies
 * it onto every event the command produces, inside the hashed document, so the record of who reported what is as
 * tamper-evident as the facts. Events recorded before tokens existed have none.
 *
 * @param subject the token's subject: stable, unique at its issuer
 * @param name    a readable name, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Submitter(String subject, String name) {

    public static final int MAX_LENGTH = 255;

    public Submitter {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a submitter's subject has 1 to " + MAX_LENGTH + " characters");
        }
        if (name != null && (name.isBlank() || name.length() > MAX_LENGTH)) {
            name = null;
        }
    }
}
