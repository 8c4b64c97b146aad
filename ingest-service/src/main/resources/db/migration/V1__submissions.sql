-- One row per accepted report: what ingest told the reporter, and what the ledger later decided.
CREATE TABLE submissions (
    id              uuid        PRIMARY KEY,
    stream_id       text        NOT NULL,
    report_type     text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    received_at     timestamptz NOT NULL,
    decided_at      timestamptz,
    stream_version  bigint,
    event_ids       text,
    reason          text
);
