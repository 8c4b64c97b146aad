package org.restrictionledger.events;

/** How precisely a source dates a measure: "on 12 February" (DAY), "since December" (MONTH), "last year" (YEAR). */
public enum Precision {
    DAY, MONTH, YEAR
}
