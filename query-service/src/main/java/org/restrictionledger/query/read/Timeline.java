package org.restrictionledger.query.read;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.query.projection.ProjectedEvent;
import org.restrictionledger.support.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A country's timeline from the projected events: what happened, in effective-date order, each correction placed next
 * to the event it corrects (at that event's effective date) and each corrected event carrying its latest correction.
 * Pages are keyset pages of (effective date, stream, version): a {@link Cursor} continues exactly after the last entry,
 * whatever was projected in between, so pages never repeat or skip an event. The API's JSON and CSV and the country
 * page all read it here.
 */
@ApplicationScoped
public class Timeline {

    private final EntityManager em;

    Timeline(EntityManager em) {
        this.em = em;
    }

    /** The last correction of an event: what the timeline shows next to it. */
    public record CorrectedBy(UUID eventId, RecordCorrected.Action action, String reason, LedgerEvent amended) {
    }

    /**
     * @param effective  where the entry sits in valid time: the event's effective date, or for a correction that of
     *                   the event it corrects (the correction's own date stays in {@code event.effective})
     * @param recordedAt when the ledger recorded it (for a correction: when the correction was made)
     */
    public record Entry(UUID eventId, String stream, String platform, String type, Effective effective,
                        Instant recordedAt, long streamVersion, LedgerEvent event, CorrectedBy correctedBy) {
    }

    public record Page(String country, List<Entry> items, String nextCursor) {
    }

    /**
     * One event of an export, as it is stored.
     *
     * @param placed      where it sits in valid time (see {@link Entry#effective()})
     * @param correctedBy the id of its latest correction, if any
     */
    public record Row(RecordedEvent recorded, Effective placed, UUID correctedBy) {
    }

    /** The conditions of a timeline request; nulls mean "any". The country is required. */
    public record Filter(String country, String platform, LocalDate from, LocalDate to, String type, Cursor after) {

        public Filter {
            if (country == null) {
                throw new IllegalArgumentException("a timeline is a country's");
            }
        }

        public static Filter of(String country) {
            return new Filter(country, null, null, null, null, null);
        }
    }

    /** At most {@code limit} entries from where the filter's cursor says, and where the next page starts. */
    public Page page(Filter filter, int limit) {
        List<?> results = query(filter, limit + 1).getResultList();
        List<Object[]> rows = results.stream().limit(limit).map(r -> (Object[]) r).toList();
        Map<UUID, CorrectedBy> corrections = corrections(rows);
        List<Entry> items = new ArrayList<>(rows.size());
        for (Object[] result : rows) {
            Row row = row(result);
            RecordedEvent e = row.recorded();
            items.add(new Entry(e.eventId(), e.stream().toString(), e.stream().platform(), e.event().type(),
                    row.placed(), e.recordedAt(), e.streamVersion(), e.event(),
                    row.correctedBy() == null ? null : corrections.get(row.correctedBy())));
        }
        String next = null;
        if (results.size() > limit) {
            Object[] last = rows.get(rows.size() - 1);
            Entry entry = items.get(items.size() - 1);
            next = new Cursor(date(last[3]), entry.stream(), entry.streamVersion()).encode();
        }
        return new Page(filter.country(), items, next);
    }

    /**
     * Every entry the filter matches, in timeline order, handed to {@code sink} one at a time as they are read through
     * a server-side cursor (in a transaction of its own: an export is written after the request's work is done).
     */
    public void each(Filter filter, Consumer<Row> sink) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Stream<?> results = query(filter, null).getResultStream()) {
                results.forEach(result -> sink.accept(row((Object[]) result)));
            }
        });
    }

    private static Row row(Object[] result) {
        RecordedEvent e = Json.read((String) result[0], RecordedEvent.class);
        return new Row(e, placed(e, result), result[1] == null ? null : UUID.fromString((String) result[1]));
    }

    /**
     * Where the entry sits in valid time: the event's effective date, or for a correction that of the event it
     * corrects (the query's third column), so that a correction reported years later stands next to what it corrects.
     */
    private static Effective placed(RecordedEvent e, Object[] row) {
        return row[2] == null ? e.event().effective() : Json.read((String) row[2], Effective.class);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * The filter as SQL over projected_events. Its columns: the recorded event, the id of its latest correction (chosen
     * here once for JSON and CSV alike), the effective date of the event a correction targets, the sort date.
     */
    private Query query(Filter filter, Integer limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT CAST(e.data AS text), (SELECT CAST(c.event_id AS text) FROM projected_events c
                                              WHERE c.target_event_id = e.event_id
                                              ORDER BY c.stream_version DESC LIMIT 1),
                       (SELECT CAST(t.data -> 'event' -> 'effective' AS text) FROM projected_events t
                        WHERE t.event_id = e.target_event_id),
                       e.effective_date
                FROM projected_events e WHERE e.country = :country""");
        Map<String, Object> params = new HashMap<>(Map.of("country", filter.country()));
        if (filter.platform() != null) {
            sql.append(" AND e.platform = :platform");
            params.put("platform", filter.platform());
        }
        if (filter.from() != null) {
            sql.append(" AND e.effective_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND e.effective_date <= :to");
            params.put("to", filter.to());
        }
        if (filter.type() != null) {
            sql.append(" AND e.event_type = :type");
            params.put("type", filter.type());
        }
        if (filter.after() != null) {
            sql.append(" AND (e.effective_date, e.stream_id, e.stream_version) > (:cDate, :cStream, :cVersion)");
            params.put("cDate", filter.after().date());
            params.put("cStream", filter.after().stream());
            params.put("cVersion", filter.after().version());
        }
        sql.append(" ORDER BY e.effective_date, e.stream_id, e.stream_version");
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query;
    }

    /** The corrections a page's rows name, by their event id. */
    private static Map<UUID, CorrectedBy> corrections(List<Object[]> rows) {
        List<UUID> ids = rows.stream().filter(r -> r[1] != null).map(r -> UUID.fromString((String) r[1])).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, CorrectedBy> byId = new HashMap<>();
        ProjectedEvent.<ProjectedEvent>list("eventId IN ?1", ids).forEach(row -> {
            RecordCorrected c = (RecordCorrected) row.toRecordedEvent().event();
            byId.put(row.eventId, new CorrectedBy(row.eventId, c.action(), c.reason(), c.amended()));
        });
        return byId;
    }

    /** Where a page ended: a {@link Keyset} cursor of (date, stream, version). */
    public record Cursor(LocalDate date, String stream, long version) {

        public String encode() {
            return Keyset.encode(date, stream, version);
        }

        /** The cursor a client sent back; a 400 naming {@code cursor} when it is not one of this list. */
        public static Cursor decode(String text) {
            List<String> key = Keyset.decode(text, 3);
            try {
                return new Cursor(LocalDate.parse(key.get(0)), key.get(1), Long.parseLong(key.get(2)));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "not a cursor of this list; use nextCursor of the previous page");
            }
        }
    }
}
