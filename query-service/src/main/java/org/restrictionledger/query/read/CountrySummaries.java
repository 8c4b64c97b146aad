package org.restrictionledger.query.read;

import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.status.Fine;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.events.status.StreamStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every country at a glance: its platforms per status, fines and their totals, its last change. */
@ApplicationScoped
public class CountrySummaries {

    private final ReadModel readModel;

    CountrySummaries(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** One country at a glance. */
    public record CountrySummary(String country, String countryName, int platforms, Map<Status, Integer> byStatus,
                                 int promoted, int fines, List<Money> fineTotals, Instant lastChange) {
    }

    /** Every country with a record now, by code. */
    public List<CountrySummary> now() {
        return byCountry(readModel.all());
    }

    /** The summaries of these statuses, one per country, by code. */
    public static List<CountrySummary> byCountry(List<StreamStatus> statuses) {
        Map<String, List<StreamStatus>> byCountry = statuses.stream()
                .collect(Collectors.groupingBy(s -> s.stream().country(), TreeMap::new, Collectors.toList()));
        return byCountry.entrySet().stream().map(e -> summary(e.getKey(), e.getValue())).toList();
    }

    /** One country from the statuses of its platforms. */
    public static CountrySummary summary(String code, List<StreamStatus> statuses) {
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, (int) statuses.stream().filter(x -> x.status() == s).count());
        }
        List<Fine> fines = statuses.stream().flatMap(s -> s.fines().stream())
                .filter(f -> f.state() != Fine.State.ANNULLED).toList();
        return new CountrySummary(code, Countries.nameOf(code), statuses.size(), byStatus,
                (int) statuses.stream().filter(StreamStatus::promoted).count(), fines.size(),
                Money.totals(fines.stream().map(Fine::amount).filter(Objects::nonNull).toList()),
                statuses.stream().map(StreamStatus::lastChange).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null));
    }
}
