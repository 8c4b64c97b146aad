-- Streams the projection could not apply an event of, for a reason of the event's own (a value the database refuses,
-- a fold that fails): the stream waits here, in order, while every other stream keeps flowing. An operator re-drives
-- it after a fix (POST /api/v1/projection/parked/redrive); re-driven events apply exactly once (by event id).
CREATE TABLE parked_streams (
    stream_id       text        PRIMARY KEY,
    reason          text        NOT NULL,
    event_id        uuid        NOT NULL,
    stream_version  bigint      NOT NULL,
    parked_at       timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 1,
    last_attempt_at timestamptz NOT NULL
);

-- The events of parked streams, as received, in stream-version order: the one that failed and every later one.
CREATE TABLE parked_events (
    event_id        uuid        PRIMARY KEY,
    stream_id       text        NOT NULL REFERENCES parked_streams (stream_id),
    stream_version  bigint      NOT NULL,
    data            text        NOT NULL,
    topic_partition integer     NOT NULL,
    record_offset   bigint      NOT NULL,
    parked_at       timestamptz NOT NULL
);
CREATE INDEX parked_events_stream ON parked_events (stream_id, stream_version);
