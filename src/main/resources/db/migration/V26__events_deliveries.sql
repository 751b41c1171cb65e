-- Outgoing events (Standard Webhooks). One row per event and endpoint, written in the transaction of the change
-- it reports (a rolled-back change sends nothing) and delivered later by whichever instance claims it, outside any
-- transaction. webhook_id is the event's: the same on every attempt and for every endpoint.
CREATE TABLE event_delivery (
    org_id             uuid        NOT NULL,
    id                 uuid        NOT NULL,
    webhook_id         text        NOT NULL,
    type               text        NOT NULL,
    endpoint_url       text        NOT NULL,
    -- the JSON sent, fixed when the event happened: every attempt signs and sends the same bytes
    body               text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    -- attempts so far; a claim counts one and leases the row by moving next_attempt_at forward
    attempts           int         NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    last_response_code int,
    last_error         text,
    created_at         timestamptz NOT NULL,
    delivered_at       timestamptz,
    PRIMARY KEY (org_id, id)
);
-- the sender's claim reads due, pending rows in order and nothing else
CREATE INDEX event_delivery_due ON event_delivery (next_attempt_at) WHERE status = 'pending';
-- the operator's list (newest first) and a retry by id, across orgs
CREATE INDEX event_delivery_recent ON event_delivery (created_at DESC, id DESC);
CREATE INDEX event_delivery_id ON event_delivery (id);
