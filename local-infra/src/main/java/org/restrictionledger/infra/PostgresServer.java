package org.restrictionledger.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A reachable PostgreSQL server, wherever it runs, given by the JDBC URL of its maintenance database and a role that
 * may create databases. Each service gets a database of its own on it.
 */
public record PostgresServer(String adminJdbcUrl, String username, String password) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The JDBC URL of database {@code name} on this server (same host, port and parameters). */
    public String jdbcUrl(String name) {
        int slash = adminJdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminJdbcUrl.indexOf('?', slash);
        String suffix = query < 0 ? "" : adminJdbcUrl.substring(query);
        return adminJdbcUrl.substring(0, slash + 1) + name + suffix;
    }

    /** Creates database {@code name} unless it exists; returns its JDBC URL. */
    public String ensureDatabase(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, username, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + adminJdbcUrl + " as " + username + ": " + e.getMessage(), e);
        }
    }

    /** Drops and recreates database {@code name}: a test's clean slate. */
    public String recreateDatabase(String name) {
        ensureDatabase(name);
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name + " at " + adminJdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
