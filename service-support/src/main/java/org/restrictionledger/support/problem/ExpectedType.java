package org.restrictionledger.support.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * What a JSON member should have been, in the client's words ("a string", "a list"), for a value of the wrong type:
 * Jackson's own message names Java classes and parser tokens, which mean nothing to a client.
 */
public final class ExpectedType {

    private ExpectedType() {
    }

    /** @return "a string", "a number", "a list", … for the Java type a member binds to */
    public static String of(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class) {
            return "an RFC 3339 instant like 2026-02-12T10:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-02-12";
        }
        return "an object";
    }
}
