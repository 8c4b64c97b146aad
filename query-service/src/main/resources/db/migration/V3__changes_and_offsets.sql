-- One row per projected event: what the live stream (SSE) sends, and the version ETags derive from.
CREATE TABLE status_changes (
    seq             bigserial   PRIMARY KEY,
    stream_id       text        NOT NULL,
    country         char(2)     NOT NULL,
    platform        text        NOT NULL,
    status          text        NOT NULL,
    version         bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    changed_at      timestamptz NOT NULL
);
CREATE INDEX status_changes_country ON status_changes (country, seq);

-- How far the projection has read restrictions.events.v1, per partition, written with each event's effect.
CREATE TABLE projection_offsets (
    topic_partition integer     PRIMARY KEY,
    next_offset     bigint      NOT NULL,
    last_event_at   timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
