package org.restrictionledger.ledger.domain;

import org.restrictionledger.events.LedgerEvent;

import java.util.List;

/** What the ledger makes of a command: the events to append, or the reason it refuses. */
public sealed interface Decision {

    record Accept(List<LedgerEvent> events) implements Decision {
        public Accept {
            events = List.copyOf(events);
        }
    }

    /** @param code what kind of rule refused it, for metrics and for clients that act on it */
    record Reject(Code code, String reason) implements Decision {
    }

    /** The kinds of rejection (metric tag {@code reason} of {@code ledger.commands}, in lower case). */
    enum Code {
        DUPLICATE, NOT_ACTIVE, AMBIGUOUS, NO_CHANGE, OUT_OF_ORDER, FUTURE_DATE, INVALID_AMOUNT, UNKNOWN_CURRENCY,
        NO_SUCH_FINE, ALREADY_SETTLED, NO_SUCH_EVENT, OTHER_STREAM, ALREADY_RETRACTED, INVALID_CORRECTION, INVALID,
        /** Not a rule: the command carries what cannot be stored or published (see {@code CommandHandler#refuse}). */
        UNPROCESSABLE
    }
}
