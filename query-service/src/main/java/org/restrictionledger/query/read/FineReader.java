package org.restrictionledger.query.read;

import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.status.Fine;
import org.restrictionledger.events.status.StreamStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What fines cost the platforms: the fines of the current statuses that match a filter, and their totals per currency
 * over every match, a {@link Keyset} page of them at a time (by date of imposition, then stream, then fine id).
 */
@ApplicationScoped
public class FineReader {

    private final ReadModel readModel;

    FineReader(ReadModel readModel) {
        this.readModel = readModel;
    }

    public record FineEntry(String stream, String country, String platform, UUID fineId, Money amount, Fine.State state,
                            Effective imposedOn, Effective settledOn, String authority, LegalBasis legalBasis,
                            String reason, List<Source> sources) {
    }

    /**
     * @param count       how many fines match the filters, on every page
     * @param totals      amounts of the matching fines that stand (not annulled), per currency, on every page
     * @param outstanding amounts of the matching fines neither paid nor annulled, per currency, on every page
     * @param fines       this page of them, by date of imposition, then stream, then fine id
     * @param nextCursor  where the next page starts ({@code ?cursor=}); null on the last page
     */
    public record Fines(int count, List<Money> totals, List<Money> outstanding, List<FineEntry> fines,
                        String nextCursor) {
    }

    /**
     * Which fines; nulls mean "any".
     *
     * @param from imposed on or after
     * @param to   imposed on or before
     */
    public record Filter(String country, String platform, LocalDate from, LocalDate to, Fine.State state) {
    }

    /** Every fine the filter matches, in no particular order. */
    public List<FineEntry> matching(Filter filter) {
        Stream<StreamStatus> streams = filter.country() != null
                ? readModel.country(filter.country(), ReadModel.When.NOW).stream()
                : filter.platform() != null ? readModel.platform(filter.platform(), ReadModel.When.NOW).stream()
                : readModel.all().stream();
        return streams
                .filter(s -> filter.platform() == null || s.stream().platform().equals(filter.platform()))
                .flatMap(s -> s.fines().stream().map(f -> new FineEntry(s.stream().toString(), s.stream().country(),
                        s.stream().platform(), f.fineId(), f.amount(), f.state(), f.imposedOn(), f.settledOn(),
                        f.authority(), f.legalBasis(), f.reason(), f.sources())))
                .filter(f -> filter.from() == null || !f.imposedOn().date().isBefore(filter.from()))
                .filter(f -> filter.to() == null || !f.imposedOn().date().isAfter(filter.to()))
                .filter(f -> filter.state() == null || f.state() == filter.state())
                .toList();
    }

    /** A page of fines in their order: at most {@code limit} after {@code cursor} (null: from the start). */
    public static Keyset.Slice<FineEntry> page(List<FineEntry> fines, String cursor, int limit) {
        return Keyset.slice(fines, f -> List.of(f.imposedOn().date().toString(), f.stream(), f.fineId().toString()), 3,
                cursor, limit);
    }

    /** The answer for one page: count and totals over every matching fine, the page's fines. */
    public static Fines fines(List<FineEntry> matching, Keyset.Slice<FineEntry> page) {
        List<FineEntry> standing = matching.stream().filter(f -> f.state() != Fine.State.ANNULLED).toList();
        return new Fines(matching.size(),
                Money.totals(standing.stream().map(FineEntry::amount).filter(Objects::nonNull).toList()),
                Money.totals(standing.stream().filter(f -> f.state() == Fine.State.OUTSTANDING)
                        .map(FineEntry::amount).filter(Objects::nonNull).toList()),
                page.items(), page.nextCursor());
    }
}
