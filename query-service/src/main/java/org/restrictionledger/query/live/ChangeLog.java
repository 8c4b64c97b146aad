package org.restrictionledger.query.live;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the read model's change log ({@code status_changes}). Its sequence numbers follow commit order, because every
 * writer appends under one lock ({@code StatusChange.lockForAppend}): a reader that has seen change n will never see a
 * change below n appear later, so "everything after n" is exact.
 */
@ApplicationScoped
public class ChangeLog {

    private static final String COLUMNS = "seq, stream_id, status, version, event_id, changed_at";

    private final AgroalDataSource dataSource;

    ChangeLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} changes after {@code seq}, in order. */
    public List<Change> after(long seq, int limit) {
        return query("SELECT " + COLUMNS + " FROM status_changes WHERE seq > ? ORDER BY seq LIMIT ?", seq, limit);
    }

    /** The sequence number of the latest change, 0 before any (an index lookup). */
    public long head() {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) FROM status_changes"); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change log: " + e.getMessage(), e);
        }
    }

    /**
     * The latest change of each of the {@code limit} most recently changed streams (what the ETags start from), the
     * latest first.
     */
    public List<Change> latestPerStream(int limit) {
        return query("SELECT * FROM (SELECT DISTINCT ON (stream_id) " + COLUMNS
                + " FROM status_changes ORDER BY stream_id, seq DESC) latest ORDER BY seq DESC LIMIT ?", limit);
    }

    private List<Change> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Change> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getObject(5, UUID.class), rows.getTimestamp(6).toInstant()));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change log: " + e.getMessage(), e);
        }
    }
}
