package org.restrictionledger.ledger.domain;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.status.StatusFold;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * The facts a stream records, as duplicates are judged (read through corrections: a retracted event no longer counts,
 * an amended one counts as amended), indexed by what a duplicate must share, so that judging a report costs the same
 * on the thousandth event of a stream as on the first. It follows its stream's history as the history grows: the
 * events appended since the last look are added; a correction among them rebuilds it from the whole history (rare).
 * One instance per cached stream ({@code StreamCache}); not thread-safe, as the history it follows is not.
 */
public final class RecordedFacts {

    /** Everything a duplicate shares with the fact it repeats, except the authority (compared as the rule says). */
    private record Bucket(Class<?> type, Object what, Effective effective) {
    }

    private final Map<Bucket, List<Candidate>> buckets = new HashMap<>();
    private int indexed;

    /** A recorded fact (as corrected) and the event that records it. */
    private record Candidate(RecordedEvent recorded, LedgerEvent fact) {
    }

    /**
     * The earliest event of {@code history} that records the same facts as {@code proposed}, by {@code same}, among
     * those that share its bucket.
     */
    Optional<RecordedEvent> earliestSame(List<RecordedEvent> history, LedgerEvent proposed,
                                         BiPredicate<LedgerEvent, LedgerEvent> same) {
        follow(history);
        Bucket bucket = bucketOf(proposed);
        if (bucket == null) {
            return Optional.empty();
        }
        for (Candidate c : buckets.getOrDefault(bucket, List.of())) {
            if (same.test(c.fact(), proposed)) {
                return Optional.of(c.recorded());
            }
        }
        return Optional.empty();
    }

    private void follow(List<RecordedEvent> history) {
        if (history.size() < indexed) {
            rebuild(history); // not the history it followed: start again
            return;
        }
        for (int i = indexed; i < history.size(); i++) {
            if (history.get(i).event() instanceof RecordCorrected) {
                rebuild(history);
                return;
            }
        }
        for (int i = indexed; i < history.size(); i++) {
            add(history.get(i), history.get(i).event());
        }
        indexed = history.size();
    }

    private void rebuild(List<RecordedEvent> history) {
        buckets.clear();
        Map<UUID, Optional<LedgerEvent>> corrected = StatusFold.corrections(history);
        for (RecordedEvent recorded : history) {
            corrected.getOrDefault(recorded.eventId(), Optional.of(recorded.event())).ifPresent(f -> add(recorded, f));
        }
        indexed = history.size();
    }

    private void add(RecordedEvent recorded, LedgerEvent fact) {
        Bucket bucket = bucketOf(fact);
        if (bucket != null) {
            buckets.computeIfAbsent(bucket, b -> new ArrayList<>(1)).add(new Candidate(recorded, fact));
        }
    }

    /** Null for an event no report can duplicate. */
    private static Bucket bucketOf(LedgerEvent event) {
        return switch (event) {
            case RestrictionImposed r -> new Bucket(RestrictionImposed.class, List.of(r.measure(), r.features()),
                    r.effective());
            // Amounts equal by value (compareTo), so the bucket holds the amount without trailing zeros.
            case FineImposed f -> new Bucket(FineImposed.class, f.amount() == null
                    ? List.of("", String.valueOf(f.currency()))
                    : List.of(plain(f.amount()), String.valueOf(f.currency())), f.effective());
            default -> null;
        };
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
