package org.restrictionledger.query.read;

import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;

/**
 * The fields that several event types carry under one name ({@code authority}, {@code reason}), read from the typed
 * event (the timeline's CSV and the country page show them for every type that has them).
 */
public final class EventFields {

    private EventFields() {
    }

    /** Who decided it; null for a correction, which has no authority of its own. */
    public static String authority(LedgerEvent event) {
        if (event instanceof RestrictionImposed i) {
            return i.authority();
        }
        if (event instanceof RestrictionChanged c) {
            return c.authority();
        }
        if (event instanceof RestrictionLifted l) {
            return l.authority();
        }
        if (event instanceof FineImposed f) {
            return f.authority();
        }
        if (event instanceof FinePaid p) {
            return p.authority();
        }
        if (event instanceof FineAnnulled a) {
            return a.authority();
        }
        if (event instanceof AlternativePromoted p) {
            return p.authority();
        }
        return null;
    }

    /** Why, as reported; null when not reported. */
    public static String reason(LedgerEvent event) {
        if (event instanceof RestrictionImposed i) {
            return i.reason();
        }
        if (event instanceof RestrictionChanged c) {
            return c.reason();
        }
        if (event instanceof RestrictionLifted l) {
            return l.reason();
        }
        if (event instanceof FineImposed f) {
            return f.reason();
        }
        if (event instanceof FinePaid p) {
            return p.reason();
        }
        if (event instanceof FineAnnulled a) {
            return a.reason();
        }
        if (event instanceof AlternativePromoted p) {
            return p.reason();
        }
        return ((RecordCorrected) event).reason();
    }
}
