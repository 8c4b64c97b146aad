-- docker compose: one database per service on the one PostgreSQL container.
CREATE DATABASE ingest;
CREATE DATABASE ledger;
CREATE DATABASE query;
