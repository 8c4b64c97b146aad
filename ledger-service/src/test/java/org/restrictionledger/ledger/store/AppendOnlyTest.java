package org.restrictionledger.ledger.store;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.infra.DatabaseRoles;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database itself refuses to change or remove an event: its triggers refuse it even to the owner of the table
 * (the role the migrations run as). The service's runtime role does not get that far: RuntimeRoleTest.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class AppendOnlyTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    EventStore store;

    private final StreamId stream = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeEach
    void appendOneEvent() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> store.append(EventHashing.seal(
                new RecordedEvent(UUID.randomUUID(), stream, 1, store.nextPosition(),
                        Instant.now().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID(), EventHashing.GENESIS, null,
                        new RestrictionImposed(Measure.FULL_BLOCK, List.of(), null, null, null,
                                Effective.day(LocalDate.of(2026, 2, 12)), List.of(new Source(null, "Example", null)))))));
    }

    private void execute(String sql) throws SQLException {
        DatabaseRoles roles = RealInfrastructure.roles("ledger");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, roles.owner(), roles.ownerPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void updateIsRefused() {
        SQLException e = assertThrows(SQLException.class,
                () -> execute("UPDATE events SET stream_version = 99 WHERE stream_id = '" + stream + "'"));
        assertTrue(e.getMessage().contains("append-only: UPDATE of events is refused"), e.getMessage());
    }

    @Test
    void deleteIsRefused() {
        SQLException e = assertThrows(SQLException.class,
                () -> execute("DELETE FROM events WHERE stream_id = '" + stream + "'"));
        assertTrue(e.getMessage().contains("append-only: DELETE of events is refused"), e.getMessage());
    }

    @Test
    void truncateIsRefused() {
        SQLException e = assertThrows(SQLException.class, () -> execute("TRUNCATE events"));
        assertTrue(e.getMessage().contains("append-only: TRUNCATE of events is refused"), e.getMessage());
    }

    @Test
    void theEventIsStillThereUnchanged() throws SQLException {
        assertThrows(SQLException.class, () -> execute("UPDATE events SET hash = repeat('0', 64) WHERE stream_id = '" + stream + "'"));
        RecordedEvent event = store.stream(stream).get(0);
        assertEquals(1, store.stream(stream).size());
        assertEquals(EventHashing.hashOf(event), event.hash());
    }
}
