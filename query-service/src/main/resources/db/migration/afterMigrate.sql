-- What the runtime role may do, applied after every migration (a Flyway callback, run by the owner role that
-- migrates: quarkus.flyway.username). The service connects as the runtime role (quarkus.datasource.username): it
-- reads and writes the read model's rows, and a rebuild (Rebuilder) creates, fills and drops its own shadow tables,
-- so it may create tables in the schema; the tables of the migrations stay the owner's and cannot be altered by it.
-- When one role both migrates and runs (a single-role setup, e.g. the defaults), there is nothing to grant.
DO $$
DECLARE
    runtime text := '${runtime_role}';
    owned record;
BEGIN
    IF runtime = current_user THEN
        RAISE NOTICE 'the runtime role is the owner (%): no separate privileges to grant', runtime;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA public TO %I', runtime);
    -- Every table but the runtime role's own: a rebuild's shadow tables are its own, and those of a service stopped
    -- mid-rebuild (dropped by the next rebuild) must not stop the next start with "permission denied".
    FOR owned IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> runtime LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', owned.tablename, runtime);
    END LOOP;
    -- A rebuild replaces the live rows in one transaction: TRUNCATE, then the rebuilt rows.
    EXECUTE format('GRANT TRUNCATE ON projected_events, platform_status TO %I', runtime);
    FOR owned IN SELECT sequencename AS tablename FROM pg_sequences
                 WHERE schemaname = 'public' AND sequenceowner <> runtime LOOP
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %I TO %I', owned.tablename, runtime);
    END LOOP;
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', runtime);
END
$$;
