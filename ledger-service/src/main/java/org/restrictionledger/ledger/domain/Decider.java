package org.restrictionledger.ledger.domain;

import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.status.ActiveMeasure;
import org.restrictionledger.events.status.StreamStatus;

import java.util.List;
import java.util.Optional;

/**
 * The ledger's rules: a command checked against the current status of its stream. Pure, so every rule is a plain
 * unit test; rejection reasons are written for the reporter who reads them at {@code GET /api/v1/submissions/{id}}.
 */
public final class Decider {

    private Decider() {
    }

    public static Decision decide(StreamStatus current, LedgerCommand command) {
        if (command instanceof ImposeRestriction impose) {
            return impose(current, impose);
        }
        if (command instanceof LiftRestriction lift) {
            return lift(current, lift);
        }
        throw new IllegalArgumentException("no rule for " + command.getClass().getSimpleName());
    }

    private static Decision impose(StreamStatus current, ImposeRestriction c) {
        Optional<ActiveMeasure> same = current.active(c.measure()).stream()
                .filter(m -> m.features().equals(c.features()))
                .findFirst();
        if (same.isPresent()) {
            return new Decision.Reject("duplicate: " + describe(c.measure().name(), c.features()) + " is already active on "
                    + c.stream() + " since " + same.get().since().date() + " (restriction " + same.get().restrictionId() + ")");
        }
        return new Decision.Accept(List.of(new RestrictionImposed(c.measure(), c.features(), c.authority(),
                c.legalBasis(), c.reason(), c.effective(), c.sources())));
    }

    private static Decision lift(StreamStatus current, LiftRestriction c) {
        List<ActiveMeasure> candidates = c.restrictionId() != null
                ? current.active(c.restrictionId()).stream().toList()
                : current.active(c.measure());
        if (candidates.isEmpty()) {
            String what = c.restrictionId() != null ? "restriction " + c.restrictionId() : "no " + c.measure() + " restriction";
            return new Decision.Reject(c.restrictionId() != null
                    ? "cannot lift: " + what + " is not active on " + c.stream()
                    : "cannot lift: there is " + what + " active on " + c.stream());
        }
        if (candidates.size() > 1) {
            return new Decision.Reject("ambiguous lift: " + candidates.size() + " " + c.measure()
                    + " restrictions are active on " + c.stream() + "; name one by restrictionId");
        }
        ActiveMeasure target = candidates.get(0);
        if (target.measure() != c.measure()) {
            return new Decision.Reject("cannot lift: restriction " + target.restrictionId() + " is a " + target.measure()
                    + ", not a " + c.measure());
        }
        if (c.effective().compareTo(target.since()) < 0) {
            return new Decision.Reject("cannot lift: the lift (" + c.effective().date() + ") would take effect before the "
                    + "restriction it ends (" + target.since().date() + ")");
        }
        return new Decision.Accept(List.of(new RestrictionLifted(target.restrictionId(), target.measure(),
                c.authority(), c.reason(), c.effective(), c.sources())));
    }

    private static String describe(String measure, List<String> features) {
        return features.isEmpty() ? measure : measure + " of " + String.join(", ", features);
    }
}
