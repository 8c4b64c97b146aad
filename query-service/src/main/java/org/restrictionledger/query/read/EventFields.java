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
        return switch (event) {
            case RestrictionImposed e -> e.authority();
            case RestrictionChanged e -> e.authority();
            case RestrictionLifted e -> e.authority();
            case FineImposed e -> e.authority();
            case FinePaid e -> e.authority();
            case FineAnnulled e -> e.authority();
            case AlternativePromoted e -> e.authority();
            case RecordCorrected e -> null;
        };
    }

    /** Why, as reported; null when not reported. */
    public static String reason(LedgerEvent event) {
        return switch (event) {
            case RestrictionImposed e -> e.reason();
            case RestrictionChanged e -> e.reason();
            case RestrictionLifted e -> e.reason();
            case FineImposed e -> e.reason();
            case FinePaid e -> e.reason();
            case FineAnnulled e -> e.reason();
            case AlternativePromoted e -> e.reason();
            case RecordCorrected e -> e.reason();
        };
    }
}
