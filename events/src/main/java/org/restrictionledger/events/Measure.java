package org.restrictionledger.events;

/** The kinds of restriction a state imposes on a platform. */
public enum Measure {
    /** The platform is blocked nationwide. */
    FULL_BLOCK,
    /** Some features are limited (e.g. voice calls). */
    FEATURE_LIMIT,
    /** Traffic is slowed down. */
    THROTTLING,
    /** The platform's domains are removed from the national registry / DNS. */
    DOMAIN_DELISTING,
    /** The app is removed from the national app stores. */
    APP_STORE_REMOVAL,
    /** Anything else, described in the stated reason. */
    OTHER
}
