package org.restrictionledger.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Real PostgreSQL (the binaries zonky publishes on Maven Central), started from Java with nothing installed. With a
 * data directory it keeps its data across restarts; without one it is throw-away.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir where the cluster lives (created by initdb on first use, reused after); null for a fresh one
     * @param port    0 picks a free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    // Kept data is real data: durable commits. Throw-away test clusters skip the disk flushes.
                    .setServerConfig("fsync", dataDir == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDir == null ? "off" : "on");
            if (port != 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir.getParent());
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL" + (dataDir == null ? "" : " in " + dataDir), e);
        }
    }

    public PostgresServer server() {
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
