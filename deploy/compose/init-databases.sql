-- docker compose: one database per service on the one PostgreSQL container, each with two roles. The owner owns the
-- database and its schema: Flyway migrates as it (QUARKUS_FLYWAY_USERNAME). The runtime role (QUARKUS_DATASOURCE_
-- USERNAME) may connect and use what the owner creates, and owns nothing, so it cannot change the schema or drop
-- the event store's append-only trigger. Passwords equal the role names: local use only (deploy/ takes Secrets).
CREATE ROLE ingest_owner LOGIN PASSWORD 'ingest_owner';
CREATE ROLE ingest_app LOGIN PASSWORD 'ingest_app';
CREATE ROLE ledger_owner LOGIN PASSWORD 'ledger_owner';
CREATE ROLE ledger_app LOGIN PASSWORD 'ledger_app';
CREATE ROLE query_owner LOGIN PASSWORD 'query_owner';
CREATE ROLE query_app LOGIN PASSWORD 'query_app';

CREATE DATABASE ingest OWNER ingest_owner;
CREATE DATABASE ledger OWNER ledger_owner;
CREATE DATABASE query OWNER query_owner;
REVOKE ALL ON DATABASE ingest, ledger, query FROM PUBLIC;
GRANT CONNECT ON DATABASE ingest TO ingest_app;
GRANT CONNECT ON DATABASE ledger TO ledger_app;
GRANT CONNECT ON DATABASE query TO query_app;

-- In each database: the owner's tables and sequences are usable by the runtime role as they are created. The
-- migrations may narrow this (the ledger's event store refuses UPDATE and DELETE by trigger whoever asks).
\connect ingest
ALTER SCHEMA public OWNER TO ingest_owner;
GRANT USAGE ON SCHEMA public TO ingest_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ingest_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ingest_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ingest_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ingest_app;
\connect ledger
ALTER SCHEMA public OWNER TO ledger_owner;
GRANT USAGE ON SCHEMA public TO ledger_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ledger_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ledger_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ledger_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ledger_app;
\connect query
ALTER SCHEMA public OWNER TO query_owner;
GRANT USAGE ON SCHEMA public TO query_app;
ALTER DEFAULT PRIVILEGES FOR ROLE query_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO query_app;
ALTER DEFAULT PRIVILEGES FOR ROLE query_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO query_app;
