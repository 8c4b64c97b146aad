package org.restrictionledger.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries, whatever type the JDBC driver and Hibernate version at hand return for them. */
public final class Sql {

    private Sql() {
    }

    /** A {@code timestamptz} column. */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
