-- every provider event, once: the event id is the key, so a redelivery finds its row and stops
CREATE TABLE payment_event (
    event_id        text PRIMARY KEY,
    provider        text        NOT NULL,
    type            text        NOT NULL,
    body            jsonb       NOT NULL,
    received_at     timestamptz NOT NULL,
    processed_at    timestamptz,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text
);
CREATE INDEX payment_event_due ON payment_event (next_attempt_at) WHERE processed_at IS NULL;

-- the provider's customer each organization pays as
CREATE TABLE billing_customer (
    org_id      uuid PRIMARY KEY,
    provider    text        NOT NULL,
    customer_id text        NOT NULL,
    created_at  timestamptz NOT NULL
);
