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

    record Reject(String reason) implements Decision {
    }
}
