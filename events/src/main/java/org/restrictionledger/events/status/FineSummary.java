package org.restrictionledger.events.status;

import org.restrictionledger.events.Money;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What fines cost a platform in one country.
 *
 * @param count       fines imposed and not annulled
 * @param totals      their amounts per currency (fines reported without an amount count, but add nothing)
 * @param outstanding amounts of fines neither paid nor annulled, per currency
 */
public record FineSummary(int count, List<Money> totals, List<Money> outstanding) {

    static FineSummary of(Collection<Fine> fines) {
        List<Fine> standing = fines.stream().filter(f -> f.state() != Fine.State.ANNULLED).toList();
        return new FineSummary(standing.size(),
                Money.totals(standing.stream().map(Fine::amount).filter(Objects::nonNull).toList()),
                Money.totals(standing.stream().filter(f -> f.state() == Fine.State.OUTSTANDING)
                        .map(Fine::amount).filter(Objects::nonNull).toList()));
    }
}
