package org.restrictionledger.bench;

import org.restrictionledger.infra.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The ceiling the database sets: rows the size of an event, as jsonb with a unique index (as the event store and the
 * read model keep them), inserted in JDBC batches of 500 with one commit per batch, durable as the stack's commits.
 */
final class RawPostgres {

    private static final int BATCH = 500;

    private RawPostgres() {
    }

    static double rowsPerSecond(PostgresServer server, String database, int rows, int rowBytes) throws Exception {
        String url = server.recreateDatabase(database);
        String join = url.contains("?") ? "&" : "?";
        try (Connection c = DriverManager.getConnection(url + join + "reWriteBatchedInserts=true",
                server.username(), server.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE raw_events (id bigserial PRIMARY KEY, event_id uuid NOT NULL, "
                        + "stream_id text NOT NULL, stream_version bigint NOT NULL, data jsonb NOT NULL)");
                s.execute("CREATE UNIQUE INDEX raw_events_stream ON raw_events (stream_id, stream_version)");
            }
            c.setAutoCommit(false);
            String padding = "x".repeat(Math.max(0, rowBytes - 120));
            insert(c, 0, Math.max(BATCH, rows / 10), padding); // warm-up
            long start = System.nanoTime();
            insert(c, 1_000_000_000L, rows, padding);
            return rows / ((System.nanoTime() - start) / 1e9);
        } finally {
            try (Connection c = DriverManager.getConnection(server.adminJdbcUrl(), server.username(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static void insert(Connection c, long firstVersion, int rows, String padding) throws Exception {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO raw_events (event_id, stream_id, stream_version, data) VALUES (?, ?, ?, CAST(? AS jsonb))")) {
            for (int i = 0; i < rows; i++) {
                long version = firstVersion + i;
                insert.setObject(1, java.util.UUID.randomUUID());
                insert.setString(2, "XX/stream-" + (i % 1024));
                insert.setLong(3, version);
                insert.setString(4, "{\"type\":\"restriction.imposed\",\"version\":" + version
                        + ",\"measure\":\"FULL_BLOCK\",\"reason\":\"" + padding + "\"}");
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == rows - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
    }
}
