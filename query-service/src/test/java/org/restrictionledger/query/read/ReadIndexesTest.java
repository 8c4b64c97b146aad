package org.restrictionledger.query.read;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.RealInfrastructure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At the scale the read model is built for (here 50,000 streams, 25 of them one platform's), PostgreSQL's planner
 * finds one platform's streams by index, not by reading every status: the benchmark's reads of
 * {@code GET /api/v1/platforms/{platform}/countries} found a sequential scan of a million statuses behind each. The
 * queries are those {@link ReadModel#platform} makes, now and at another time. The rows are written, and the plans
 * read, in one transaction that is rolled back: no other test sees them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "query"))
class ReadIndexesTest {

    private static final int STREAMS = 50_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onePlatformIsReadByIndexAmongFiftyThousandStreams() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // 50,000 streams over 2,000 platforms (25 countries each), one event each.
                s.execute("""
                        INSERT INTO platform_status (stream_id, country, platform, status, version, last_change, document)
                        SELECT chr(65 + g %% 25) || 'Q/idx-' || (g / 25), chr(65 + g %% 25) || 'Q', 'idx-' || (g / 25),
                               'OPEN', 1, now(), '{}'
                        FROM generate_series(0, %1$d - 1) g;
                        INSERT INTO projected_events (event_id, stream_id, country, platform, stream_version, position,
                                                      event_type, effective_date, recorded_at, data)
                        SELECT gen_random_uuid(), stream_id, country, platform, 1, 0, 'restriction.imposed',
                               DATE '2025-01-01', now(), '{}'
                        FROM platform_status WHERE platform LIKE 'idx-%%';
                        ANALYZE platform_status, projected_events""".formatted(STREAMS));

                String now = plan(s, "SELECT * FROM platform_status WHERE platform = 'idx-7' ORDER BY country");
                assertTrue(now.contains("platform_status_platform"), now);
                assertFalse(now.contains("Seq Scan"), now);

                String then = plan(s, """
                        SELECT * FROM projected_events WHERE stream_id IN
                            (SELECT s.stream_id FROM platform_status s WHERE s.platform = 'idx-7')
                        ORDER BY stream_id, stream_version""");
                // How it then reads their events (by their key, or all at once) is the planner's choice by their
                // number; the statuses are not all read to find them.
                assertTrue(then.contains("platform_status_platform"), then);
                assertFalse(then.contains("Seq Scan on platform_status"), then);
            } finally {
                c.rollback();
            }
        }
    }

    private static String plan(Statement s, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = s.executeQuery("EXPLAIN " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
