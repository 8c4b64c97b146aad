package org.restrictionledger.ingest.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.testsupport.TestInfrastructure;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V5 turns the comma-joined {@code event_ids} of submissions already decided into a {@code uuid[]}, keeping every id
 * in its order, on the real PostgreSQL, through the service's own migrations.
 */
class EventIdsMigrationTest {

    private static final UUID ACCEPTED = UUID.randomUUID();
    private static final UUID REJECTED = UUID.randomUUID();
    private static final UUID PENDING = UUID.randomUUID();

    private static Flyway flyway(String url, PostgresServer postgres, String target) {
        return Flyway.configure()
                .dataSource(url, postgres.username(), postgres.password())
                .locations("classpath:db/migration")
                // The test connects as the owner and runtime role at once: afterMigrate has nothing to grant.
                .placeholders(Map.of("runtime_role", postgres.username()))
                .target(target)
                .load();
    }

    @Test
    void decidedSubmissionsKeepTheirEventIdsInOrderAsATypedList() throws SQLException {
        PostgresServer postgres = TestInfrastructure.postgres();
        String url = postgres.recreateDatabase("ingest_event_ids_migration");
        flyway(url, postgres, "4").migrate();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO submissions (id, stream_id, report_type, status, received_at, event_ids)
                    VALUES ('%s', 'RU/whatsapp', 'restriction.imposed', 'ACCEPTED', now(), '%s,%s'),
                           ('%s', 'RU/whatsapp', 'restriction.lifted', 'REJECTED', now(), ''),
                           ('%s', 'RU/whatsapp', 'fine.imposed', 'PENDING', now(), NULL)"""
                    .formatted(ACCEPTED, first, second, REJECTED, PENDING));

            flyway(url, postgres, "latest").migrate();

            assertEquals(List.of(first, second), eventIds(statement, ACCEPTED));
            assertEquals(List.of(), eventIds(statement, REJECTED));
            assertNull(eventIds(statement, PENDING));
            try (ResultSet type = statement.executeQuery("""
                    SELECT data_type, udt_name FROM information_schema.columns
                    WHERE table_name = 'submissions' AND column_name = 'event_ids'""")) {
                type.next();
                assertEquals("ARRAY", type.getString(1));
                assertEquals("_uuid", type.getString(2));
            }
        }
    }

    private static List<UUID> eventIds(Statement statement, UUID submission) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT event_ids FROM submissions WHERE id = '" + submission + "'")) {
            row.next();
            Array ids = row.getArray(1);
            return ids == null ? null : Arrays.asList((UUID[]) ids.getArray());
        }
    }
}
