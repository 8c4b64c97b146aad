package org.restrictionledger.query.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * A query service stopped in the middle of a rebuild (a pod evicted, a process killed) leaves the rebuild's shadow
 * tables behind, owned by the runtime role that created them. The next start migrates as the owner role and grants the
 * runtime role its privileges; it once granted on every table of the schema, failed with "permission denied for table
 * platform_status_rebuild", and the service could not start again.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class RebuildInterruptedTest {

    @Inject
    AgroalDataSource runtime;

    @Inject
    Flyway flyway;

    @Test
    void theShadowTablesOfAnInterruptedRebuildDoNotStopTheNextStart() throws SQLException {
        try (Connection c = runtime.getConnection(); Statement s = c.createStatement()) {
            // What Rebuilder leaves after its first step, as the runtime role.
            s.execute("DROP TABLE IF EXISTS projected_events_rebuild, platform_status_rebuild");
            s.execute("CREATE UNLOGGED TABLE projected_events_rebuild (LIKE projected_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            s.execute("CREATE UNLOGGED TABLE platform_status_rebuild (LIKE platform_status INCLUDING ALL)");
            try {
                // What a start does before anything else: migrate, then grant (the afterMigrate callback), as the owner.
                assertDoesNotThrow(() -> flyway.migrate());
            } finally {
                s.execute("DROP TABLE IF EXISTS projected_events_rebuild, platform_status_rebuild");
            }
        }
    }
}
