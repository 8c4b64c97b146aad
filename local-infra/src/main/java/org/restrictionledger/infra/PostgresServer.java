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

    /** Gives every table, view, free-standing sequence and function of schema public to {owner}. */
    private static final String TAKE_OVER = """
            DO $$
            DECLARE
                o record;
            BEGIN
                FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                           AND pg_get_userbyid(c.relowner) <> '{owner}'
                           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                           WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass
                                             AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER %s %I OWNER TO %I',
                                   CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                                  WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                                   o.relname, '{owner}');
                END LOOP;
                FOR o IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '{owner}'
                LOOP
                    EXECUTE format('ALTER FUNCTION %s OWNER TO %I', o.f, '{owner}');
                END LOOP;
            END
            $$""";

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

    /**
     * The two roles of a service's database (login roles with passwords, created or updated here):
     * {@code roles.owner()} owns the database and its public schema and runs the migrations;
     * {@code roles.runtime()} may connect and nothing more until the migrations grant it what the service needs.
     * Nobody else may create objects in the schema. Returns the database's JDBC URL.
     *
     * @param fresh drop the database first (a test's clean slate); otherwise keep it if it exists
     */
    public String prepareDatabase(String name, DatabaseRoles roles, boolean fresh) {
        if (fresh) {
            recreateDatabase(name);
        } else {
            ensureDatabase(name);
        }
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, username, password);
             Statement statement = connection.createStatement()) {
            ensureRole(statement, roles.owner(), roles.ownerPassword());
            ensureRole(statement, roles.runtime(), roles.runtimePassword());
            statement.execute("ALTER DATABASE " + name + " OWNER TO " + roles.owner());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the roles of " + name + " at " + adminJdbcUrl + ": " + e.getMessage(), e);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(name), username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + roles.owner());
            // PostgreSQL before 15 lets every role create tables in public: the runtime role must not.
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            // A database kept from before the roles were split has its tables owned by whoever migrated then.
            statement.execute(TAKE_OVER.replace("{owner}", roles.owner()));
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the schema of " + name + ": " + e.getMessage(), e);
        }
    }

    private static void ensureRole(Statement statement, String role, String rolePassword) throws SQLException {
        if (!NAME.matcher(role).matches() || rolePassword.contains("'")) {
            throw new IllegalArgumentException("not a plain role name, or a quote in its password: " + role);
        }
        try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + rolePassword + "'");
                return;
            }
        }
        statement.execute("ALTER ROLE " + role + " LOGIN PASSWORD '" + rolePassword + "'");
    }
}
