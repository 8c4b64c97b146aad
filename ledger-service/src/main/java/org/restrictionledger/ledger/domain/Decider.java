package org.restrictionledger.ledger.domain;

import org.restrictionledger.events.ContractViolation;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ChangeRestriction;
import org.restrictionledger.events.command.CorrectRecord;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.events.command.SettleFine;
import org.restrictionledger.events.status.ActiveMeasure;
import org.restrictionledger.events.status.Fine;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ledger's rules: a command checked against its stream's history. Pure, so every rule is a plain unit test; the
 * rejection reasons are written for the reporter who reads them at {@code GET /api/v1/submissions/{id}}.
 */
public final class Decider {

    private Decider() {
    }

    /**
     * What a decision may look up beyond the stream.
     *
     * @param today         the ledger's date (UTC): effective dates more than a day after it are refused
     * @param streamOfEvent the stream an event id belongs to, anywhere in the ledger
     */
    public record Context(LocalDate today, Function<UUID, Optional<StreamId>> streamOfEvent) {
    }

    public static Decision decide(List<RecordedEvent> history, LedgerCommand command, Context context) {
        return decide(history, StatusFold.fold(command.stream(), history), new RecordedFacts(), command, context);
    }

    /**
     * @param current the stream's status, folded from {@code history} (the caller keeps it as the stream grows)
     * @param facts   the index of what {@code history} records (the caller keeps it with the history)
     */
    public static Decision decide(List<RecordedEvent> history, StreamStatus current, RecordedFacts facts,
                                  LedgerCommand command, Context context) {
        Optional<String> future = future("effective", command.effective(), context);
        if (future.isPresent()) {
            return reject(Decision.Code.FUTURE_DATE, future.get());
        }
        try {
            return rules(history, current, facts, command, context);
        } catch (ContractViolation broken) {
            // The proposed event breaks a rule its contract type holds (a command from any producer, not only ingest).
            return reject(code(broken), broken.getMessage());
        }
    }

    private static Decision rules(List<RecordedEvent> history, StreamStatus current, RecordedFacts facts,
                                  LedgerCommand command, Context context) {
        // Exhaustive over the sealed family: a new command type does not compile until it has its rule.
        return switch (command) {
            case ImposeRestriction c -> impose(history, current, facts, c);
            case ChangeRestriction c -> change(current, c);
            case LiftRestriction c -> lift(current, c);
            case ImposeFine c -> fine(history, facts, c);
            case SettleFine c -> settle(current, c);
            case PromoteAlternative c -> promote(current, c);
            case CorrectRecord c -> correct(history, c, context);
        };
    }

    private static Decision impose(List<RecordedEvent> history, StreamStatus current, RecordedFacts facts,
                                   ImposeRestriction c) {
        Optional<ActiveMeasure> same = current.active(c.measure()).stream()
                .filter(m -> m.features().equals(c.features()))
                .findFirst();
        if (same.isPresent()) {
            return reject(Decision.Code.DUPLICATE, "duplicate: " + describe(c.measure().name(), c.features()) + " is already active on "
                    + c.stream() + " since " + same.get().since().date() + " (restriction " + same.get().restrictionId() + ")");
        }
        RestrictionImposed proposed = c.proposedEvent();
        return c.repeat() ? accept(proposed) : unlessRecorded(history, facts, proposed);
    }

    /**
     * Refuses a fact the stream already records (read through corrections: a retracted event no longer counts, an
     * amended one counts as amended), so that re-running an import changes nothing. A report says {@code repeat}
     * when the same facts really happened again.
     */
    private static Decision unlessRecorded(List<RecordedEvent> history, RecordedFacts facts, LedgerEvent proposed) {
        return facts.earliestSame(history, proposed, Decider::sameFacts)
                .map(recorded -> reject(Decision.Code.DUPLICATE, "duplicate: the same " + proposed.type() + " (effective "
                        + proposed.effective().date() + ") is recorded as event " + recorded.eventId() + " (v"
                        + recorded.streamVersion() + "); if it really happened again, report it with \"repeat\": true"))
                .orElseGet(() -> accept(proposed));
    }

    private static boolean sameFacts(LedgerEvent recorded, LedgerEvent proposed) {
        if (recorded instanceof RestrictionImposed a && proposed instanceof RestrictionImposed b) {
            return a.measure() == b.measure() && a.features().equals(b.features())
                    && a.effective().equals(b.effective()) && sameAuthority(a.authority(), b.authority());
        }
        if (recorded instanceof FineImposed a && proposed instanceof FineImposed b) {
            boolean sameAmount = a.amount() == null ? b.amount() == null
                    : b.amount() != null && a.amount().compareTo(b.amount()) == 0;
            return sameAmount && Objects.equals(a.currency(), b.currency()) && a.effective().equals(b.effective())
                    && sameAuthority(a.authority(), b.authority());
        }
        return false;
    }

    private static boolean sameAuthority(String a, String b) {
        return a == null ? b == null : b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static Decision change(StreamStatus current, ChangeRestriction c) {
        Target target = target(current, "change", c.stream(), c.restrictionId(), c.fromMeasure());
        if (target.rejection != null) {
            return reject(target.code, target.rejection);
        }
        ActiveMeasure m = target.measure;
        if (m.measure() == c.measure() && m.features().equals(c.features())) {
            return reject(Decision.Code.NO_CHANGE, "no change: restriction " + m.restrictionId() + " is already "
                    + describe(c.measure().name(), c.features()));
        }
        if (c.effective().compareTo(m.since()) < 0) {
            return reject(Decision.Code.OUT_OF_ORDER, "cannot change: the change (" + c.effective().date() + ") would take effect before the "
                    + "restriction took its current form (" + m.since().date() + ")");
        }
        return accept(c.proposedEvent(m.restrictionId()));
    }

    private static Decision lift(StreamStatus current, LiftRestriction c) {
        Target target = target(current, "lift", c.stream(), c.restrictionId(), c.measure());
        if (target.rejection != null) {
            return reject(target.code, target.rejection);
        }
        ActiveMeasure m = target.measure;
        if (c.effective().compareTo(m.since()) < 0) {
            return reject(Decision.Code.OUT_OF_ORDER, "cannot lift: the lift (" + c.effective().date() + ") would take effect before the "
                    + "restriction it ends (" + m.since().date() + ")");
        }
        return accept(c.proposedEvent(m.restrictionId(), m.measure()));
    }

    private static Decision fine(List<RecordedEvent> history, RecordedFacts facts, ImposeFine c) {
        FineImposed proposed = c.proposedEvent();
        return c.repeat() ? accept(proposed) : unlessRecorded(history, facts, proposed);
    }

    private static Decision settle(StreamStatus current, SettleFine c) {
        String verb = c.settlement() == SettleFine.Settlement.PAID ? "pay" : "annul";
        Optional<Fine> fine = current.fine(c.fineId());
        if (fine.isEmpty()) {
            return reject(Decision.Code.NO_SUCH_FINE, "cannot " + verb + ": there is no fine " + c.fineId() + " on " + c.stream());
        }
        Fine f = fine.get();
        if (f.state() != Fine.State.OUTSTANDING) {
            return reject(Decision.Code.ALREADY_SETTLED, "cannot " + verb + ": fine " + c.fineId() + " is already settled ("
                    + f.state().name().toLowerCase(Locale.ROOT) + " " + f.settledOn().date() + ")");
        }
        if (c.effective().compareTo(f.imposedOn()) < 0) {
            return reject(Decision.Code.OUT_OF_ORDER, "cannot " + verb + ": the fine was imposed on " + f.imposedOn().date() + ", after "
                    + c.effective().date());
        }
        return accept(c.proposedEvent());
    }

    private static Decision promote(StreamStatus current, PromoteAlternative c) {
        if (current.promoted()) {
            return reject(Decision.Code.DUPLICATE, "duplicate: " + c.stream().platform() + " is already promoted in " + c.stream().country()
                    + " since " + current.promotion().since().date());
        }
        if (c.replaces().contains(c.stream().platform())) {
            return reject(Decision.Code.INVALID, "a platform cannot be promoted as a replacement for itself");
        }
        return accept(c.proposedEvent());
    }

    private static Decision correct(List<RecordedEvent> history, CorrectRecord c, Context context) {
        Optional<RecordedEvent> target = history.stream().filter(e -> e.eventId().equals(c.targetEventId())).findFirst();
        if (target.isEmpty()) {
            Optional<StreamId> other = context.streamOfEvent().apply(c.targetEventId());
            return other.isPresent()
                    ? reject(Decision.Code.OTHER_STREAM, "cannot correct: event " + c.targetEventId() + " belongs to "
                            + other.get() + ", not " + c.stream())
                    : reject(Decision.Code.NO_SUCH_EVENT, "cannot correct: there is no event " + c.targetEventId()
                            + " in the ledger");
        }
        LedgerEvent original = target.get().event();
        if (original instanceof RecordCorrected) {
            return reject(Decision.Code.INVALID_CORRECTION, "cannot correct a correction: correct the original event instead");
        }
        if (StatusFold.corrections(history).getOrDefault(c.targetEventId(), Optional.of(original)).isEmpty()) {
            return reject(Decision.Code.ALREADY_RETRACTED, "cannot correct: event " + c.targetEventId() + " is already retracted");
        }
        if (c.action() == RecordCorrected.Action.AMEND) {
            if (c.amended() == null) {
                return reject(Decision.Code.INVALID_CORRECTION, "an amendment needs the amended event");
            }
            if (!c.amended().type().equals(original.type())) {
                return reject(Decision.Code.INVALID_CORRECTION, "an amendment of a " + original.type() + " must be a " + original.type() + ", was "
                        + c.amended().type());
            }
            Optional<String> future = future("amended.effective", c.amended().effective(), context);
            if (future.isPresent()) {
                return reject(Decision.Code.FUTURE_DATE, future.get());
            }
            // An amended fine's amount needs no check here: the event's constructor held it to the contract's rules.
        }
        return accept(c.proposedEvent());
    }

    /** The active restriction a change or lift means, or why there is none. */
    private record Target(ActiveMeasure measure, Decision.Code code, String rejection) {
    }

    private static Target target(StreamStatus current, String verb, StreamId stream, UUID restrictionId,
                                 org.restrictionledger.events.Measure measure) {
        if (restrictionId != null) {
            return current.active(restrictionId)
                    .filter(m -> measure == null || m.measure() == measure)
                    .map(m -> new Target(m, null, null))
                    .orElseGet(() -> new Target(null, Decision.Code.NOT_ACTIVE, current.active(restrictionId).isPresent()
                            ? "cannot " + verb + ": restriction " + restrictionId + " is a "
                                    + current.active(restrictionId).get().measure() + ", not a " + measure
                            : "cannot " + verb + ": restriction " + restrictionId + " is not active on " + stream));
        }
        List<ActiveMeasure> candidates = current.active(measure);
        if (candidates.isEmpty()) {
            return new Target(null, Decision.Code.NOT_ACTIVE, "cannot " + verb + ": there is no " + measure + " restriction active on " + stream);
        }
        if (candidates.size() > 1) {
            return new Target(null, Decision.Code.AMBIGUOUS, "ambiguous " + verb + ": " + candidates.size() + " " + measure
                    + " restrictions are active on " + stream + "; name one by restrictionId");
        }
        return new Target(candidates.get(0), null, null);
    }

    private static Optional<String> future(String field, Effective effective, Context context) {
        LocalDate latest = context.today().plusDays(1);
        return effective.date().isAfter(latest)
                ? Optional.of(field + " " + effective.date() + " is in the future: the ledger records what took effect, "
                        + "at most one day ahead (today is " + context.today() + ")")
                : Optional.empty();
    }

    /** Which kind of rule a broken contract rule is, by the field it concerns. */
    private static Decision.Code code(ContractViolation broken) {
        return switch (broken.field()) {
            case "amount" -> Decision.Code.INVALID_AMOUNT;
            case "currency" -> Decision.Code.UNKNOWN_CURRENCY;
            default -> Decision.Code.INVALID;
        };
    }

    private static Decision accept(LedgerEvent event) {
        return new Decision.Accept(List.of(event));
    }

    private static Decision reject(Decision.Code code, String reason) {
        return new Decision.Reject(code, reason);
    }

    private static String describe(String measure, List<String> features) {
        return features.isEmpty() ? measure : measure + " of " + String.join(", ", features);
    }
}
