package org.restrictionledger.events;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * Valid time: when a measure took effect in the world, as precisely as the sources say. The date is normalised to the
 * first day of its month or year, so that two reports of "December 2025" compare equal.
 */
public record Effective(LocalDate date, Precision precision) implements Comparable<Effective> {

    private static final Comparator<Effective> ORDER =
            Comparator.comparing(Effective::date).thenComparing(Effective::precision);

    public Effective {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        date = switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    public static Effective day(LocalDate date) {
        return new Effective(date, Precision.DAY);
    }

    @Override
    public int compareTo(Effective other) {
        return ORDER.compare(this, other);
    }
}
