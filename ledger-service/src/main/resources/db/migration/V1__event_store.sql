-- The event store: append-only. The database itself refuses UPDATE, DELETE and TRUNCATE of events, whoever asks,
-- short of a superuser disabling the triggers (which is what a tampering test does, and what verify then catches).
CREATE SEQUENCE event_position_seq;

CREATE TABLE events (
    position        bigint      PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    stream_id       text        NOT NULL,
    stream_version  bigint      NOT NULL CHECK (stream_version > 0),
    event_type      text        NOT NULL,
    effective_date  date        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    command_id      uuid        NOT NULL,
    prev_hash       char(64)    NOT NULL,
    hash            char(64)    NOT NULL,
    data            jsonb       NOT NULL,
    UNIQUE (stream_id, stream_version)
);

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event store is append-only: % of events is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- Every command the ledger decided, so that a redelivered command is recognised and changes nothing.
CREATE TABLE processed_commands (
    command_id      uuid        PRIMARY KEY,
    stream_id       text        NOT NULL,
    decision        text        NOT NULL CHECK (decision IN ('ACCEPTED', 'REJECTED')),
    reason          text,
    processed_at    timestamptz NOT NULL
);

-- Transactional outbox: written in the same transaction as the events; the relay publishes and then deletes.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    topic           text        NOT NULL,
    record_key      text        NOT NULL,
    headers         jsonb       NOT NULL,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL
);
