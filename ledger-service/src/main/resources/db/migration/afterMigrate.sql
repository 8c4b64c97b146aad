-- What the runtime role may do, applied after every migration (a Flyway callback, run by the owner role that
-- migrates: quarkus.flyway.username). The service itself connects as the runtime role (quarkus.datasource.username),
-- which owns nothing, so it can neither ALTER the event store nor DISABLE its append-only triggers:
--   events               SELECT, INSERT             (never UPDATE, DELETE, TRUNCATE: the ledger only appends)
--   processed_commands   SELECT, INSERT             (a decision is recorded once)
--   outbox               SELECT, INSERT, DELETE     (the relay deletes what it published)
--   sequences            USAGE, SELECT              (positions, outbox ids)
--   tables added later   SELECT, INSERT, UPDATE, DELETE, until a line below narrows them
-- When one role both migrates and runs (a single-role setup, e.g. the defaults), there is nothing to grant.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime = current_user THEN
        RAISE NOTICE 'the runtime role is the owner (%): no separate privileges to grant', runtime;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON events FROM %I', runtime);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON processed_commands FROM %I', runtime);
    EXECUTE format('REVOKE UPDATE, TRUNCATE, REFERENCES, TRIGGER ON outbox FROM %I', runtime);
    -- Flyway's own history is the owner's business.
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', runtime);
END
$$;
