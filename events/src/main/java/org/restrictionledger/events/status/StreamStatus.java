package org.restrictionledger.events.status;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.StreamId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The status of one platform in one country: derived from the stream's events by {@link StatusFold}, never stored as
 * truth.
 *
 * @param since      from when the current status holds (valid time); null for a stream that was never restricted
 * @param firstFact  the effective date of the stream's earliest fact on record (valid time, read through corrections,
 *                   whatever day the status is asked for): a status asked for a day before it is OPEN because nothing
 *                   was in effect yet; null when no fact was on record (asked as known at a time before the first
 *                   recording, or every fact retracted)
 * @param promoted   the state promotes this platform (details in {@code promotion})
 * @param fines      every fine, in order of imposition
 * @param version    the highest stream version folded in; 0 for no events
 * @param lastChange when the ledger recorded the last event folded in
 */
public record StreamStatus(
        StreamId stream,
        Status status,
        List<ActiveMeasure> activeMeasures,
        List<String> restrictedFeatures,
        Effective since,
        Effective firstFact,
        boolean promoted,
        Promotion promotion,
        List<Fine> fines,
        FineSummary fineSummary,
        long version,
        Instant lastChange) {

    public Optional<ActiveMeasure> active(UUID restrictionId) {
        return activeMeasures.stream().filter(m -> m.restrictionId().equals(restrictionId)).findFirst();
    }

    public List<ActiveMeasure> active(Measure measure) {
        return activeMeasures.stream().filter(m -> m.measure() == measure).toList();
    }

    public Optional<Fine> fine(UUID fineId) {
        return fines.stream().filter(f -> f.fineId().equals(fineId)).findFirst();
    }
}
