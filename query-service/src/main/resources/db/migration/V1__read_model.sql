-- The read model: rebuilt from restrictions.events.v1 at will; nothing here is the truth.

-- Every event projected, once (event_id is the idempotency checkpoint, written with the effect).
CREATE TABLE projected_events (
    event_id        uuid        PRIMARY KEY,
    stream_id       text        NOT NULL,
    country         char(2)     NOT NULL,
    platform        text        NOT NULL,
    stream_version  bigint      NOT NULL,
    position        bigint      NOT NULL,
    event_type      text        NOT NULL,
    effective_date  date        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    data            jsonb       NOT NULL,
    UNIQUE (stream_id, stream_version)
);
CREATE INDEX projected_events_country_effective ON projected_events (country, effective_date);

-- The current status of each stream: the fold of its projected events.
CREATE TABLE platform_status (
    stream_id       text        PRIMARY KEY,
    country         char(2)     NOT NULL,
    platform        text        NOT NULL,
    status          text        NOT NULL,
    version         bigint      NOT NULL,
    last_change     timestamptz,
    document        jsonb       NOT NULL
);
CREATE INDEX platform_status_country ON platform_status (country);
