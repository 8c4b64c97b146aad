package org.restrictionledger.partner;

import org.restrictionledger.events.status.StreamStatus;

import java.io.PrintStream;

/** One line per change, greppable: the stream first, then what happened. */
final class ChangePrinter {

    private final PrintStream out;

    ChangePrinter(PrintStream out) {
        this.out = out;
    }

    void print(StatusBook.Change change) {
        switch (change) {
            case StatusBook.StatusChanged c -> out.println(c.stream() + " " + describe(c.status())
                    + (c.from() == c.status().status() ? "" : " (was " + c.from() + ")")
                    + " v" + c.status().version() + " " + c.eventType() + " " + c.eventId());
            case StatusBook.ChainBroken b -> out.println(b.stream() + " CHAIN BROKEN at v" + b.link().streamVersion()
                    + " (event " + b.link().eventId() + "): " + b.link().problem() + "; expected " + b.link().expected()
                    + ", found " + b.link().found() + "; nothing after it is trusted");
            case StatusBook.NotUnderstood n -> out.println(n.stream() + " v" + n.version() + " verified, type '" + n.type()
                    + "' not known to this client: skipped");
            case StatusBook.Unreadable u -> out.println("record with key '" + u.key() + "' skipped: " + u.problem());
        }
        out.flush();
    }

    void caughtUp(StatusBook book) {
        out.println("caught up: " + book.received() + " records, " + book.verified() + " events verified in "
                + book.statuses().size() + " streams, " + book.broken().size() + " broken chains; following");
        out.flush();
    }

    private static String describe(StreamStatus s) {
        StringBuilder text = new StringBuilder(s.status().name());
        if (!s.restrictedFeatures().isEmpty()) {
            text.append(' ').append(s.restrictedFeatures());
        }
        if (s.promoted()) {
            text.append(" promoted");
        }
        if (s.fineSummary().count() > 0) {
            text.append(" fines=").append(s.fineSummary().count());
        }
        return text.toString();
    }
}
