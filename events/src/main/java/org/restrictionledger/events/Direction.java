package org.restrictionledger.events;

/** Which way a {@link RestrictionChanged} moved an active measure. */
public enum Direction {
    ESCALATED, EASED
}
