package org.restrictionledger.events;

/** The legal ground an authority cites, by category; the words it used go in the stated reason. */
public enum LegalBasis {
    DATA_LOCALISATION,
    CONTENT_MODERATION,
    LOCAL_REPRESENTATIVE,
    LAW_ENFORCEMENT_COOPERATION,
    OTHER
}
