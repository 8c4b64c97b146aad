package org.restrictionledger.events.status;

import org.restrictionledger.events.Measure;

/** A platform's status in a country, in order of precedence: the first that any active measure implies wins. */
public enum Status {
    /** An active full block. */
    BLOCKED,
    /** A feature limit, domain delisting, app-store removal or other measure. */
    RESTRICTED,
    /** Throttling only. */
    THROTTLED,
    /** No active measure. */
    OPEN;

    public static Status of(Measure measure) {
        return switch (measure) {
            case FULL_BLOCK -> BLOCKED;
            case FEATURE_LIMIT, DOMAIN_DELISTING, APP_STORE_REMOVAL, OTHER -> RESTRICTED;
            case THROTTLING -> THROTTLED;
        };
    }

    /** The one that takes precedence. */
    public Status over(Status other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
