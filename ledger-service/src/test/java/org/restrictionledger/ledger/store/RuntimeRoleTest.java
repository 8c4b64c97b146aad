package org.restrictionledger.ledger.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The role the ledger runs as (its datasource: {@code ledger_runtime}, not the owner that migrated) can append and
 * read, and cannot rewrite history by any route: no UPDATE, DELETE or TRUNCATE of the event store, and no ALTER TABLE
 * to switch its append-only triggers off, which an owner could.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class RuntimeRoleTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CommandHandler handler;

    private StreamId appendOne() {
        StreamId stream = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
        handler.handle(new ImposeRestriction(UUID.randomUUID(), stream, Measure.FULL_BLOCK, List.of(), "Roskomnadzor",
                null, "reason", Effective.day(LocalDate.of(2026, 2, 1)), List.of(new Source(null, "Example", null)),
                Instant.now()));
        return stream;
    }

    private void refused(String sql, String why) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());   // insufficient_privilege
        assertTrue(e.getMessage().contains(why), sql + ": " + e.getMessage());
    }

    @Test
    void theServiceRunsAsARoleThatOwnsNothing() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT current_user, pg_get_userbyid(c.relowner), (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                     FROM pg_class c WHERE c.relname = 'events'""")) {
            assertTrue(row.next());
            assertEquals(RealInfrastructure.roles("ledger").runtime(), row.getString(1));
            assertEquals(RealInfrastructure.roles("ledger").owner(), row.getString(2));
            assertEquals(false, row.getBoolean(3));
        }
    }

    @Test
    void itAppendsAndReadsButCannotChangeTheEventStore() throws SQLException {
        StreamId stream = appendOne();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM events WHERE stream_id = '" + stream + "'")) {
            assertTrue(count.next());
            assertEquals(1, count.getInt(1));
        }
        refused("UPDATE events SET hash = repeat('0', 64) WHERE stream_id = '" + stream + "'", "permission denied");
        refused("DELETE FROM events WHERE stream_id = '" + stream + "'", "permission denied");
        refused("TRUNCATE events", "permission denied");
        refused("ALTER TABLE events DISABLE TRIGGER events_append_only", "must be owner");
        refused("ALTER TABLE events DISABLE TRIGGER ALL", "must be owner");
        refused("DROP TRIGGER events_append_only ON events", "must be owner");
        refused("UPDATE processed_commands SET decision = 'REJECTED'", "permission denied");
        refused("CREATE TABLE shadow_events (LIKE events)", "permission denied");
    }
}
