-- Webhooks (org.restrictionledger.query.webhooks): partners' subscriptions to status changes, the deliveries the
-- projection records for them in the same transaction as the change (a transactional outbox: nothing is lost across
-- restarts), and every attempt to deliver one (the delivery log).

CREATE TABLE webhook_subscriptions (
    id                      uuid        PRIMARY KEY,
    url                     text        NOT NULL,
    description             text,
    -- Filters: an empty array matches everything.
    countries               text[]      NOT NULL,
    platforms               text[]      NOT NULL,
    statuses                text[]      NOT NULL,
    -- whsec_<base64>; after a rotation the previous secret also signs until previous_secret_until.
    secret                  text        NOT NULL,
    previous_secret         text,
    previous_secret_until   timestamptz,
    enabled                 boolean     NOT NULL,
    disabled_reason         text,
    disabled_at             timestamptz,
    -- Failed attempts since the last success, and when the first of them failed.
    consecutive_failures    integer     NOT NULL DEFAULT 0,
    failing_since           timestamptz,
    last_success_at         timestamptz,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL
);

-- One delivery per subscription and projected event. Per (subscription, stream) only the PENDING delivery with the
-- lowest stream version is attempted: a stream's later change waits until its earlier one is DELIVERED or FAILED.
CREATE TABLE webhook_deliveries (
    id                  uuid        PRIMARY KEY,
    subscription_id     uuid        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    stream_id           text        NOT NULL,
    stream_version      bigint      NOT NULL,
    event_id            uuid        NOT NULL,
    payload             text        NOT NULL,
    state               text        NOT NULL,
    attempts            integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    next_attempt_at     timestamptz NOT NULL,
    first_attempt_at    timestamptz,
    last_attempt_at     timestamptz,
    finished_at         timestamptz,
    last_status_code    integer,
    last_error          text,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_stream ON webhook_deliveries (subscription_id, stream_id, stream_version)
    WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, created_at);

-- Every attempt: when, how long, the receiver's status code or the error.
CREATE TABLE webhook_attempts (
    id                  bigserial   PRIMARY KEY,
    delivery_id         uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt             integer     NOT NULL,
    attempted_at        timestamptz NOT NULL,
    duration_ms         bigint      NOT NULL,
    status_code         integer,
    error               text
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);
