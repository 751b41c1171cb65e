-- The payment sandbox plays Stripe on this machine. These tables are its "Stripe account": they exist
-- in every environment, but only the sandbox adapter (no Stripe key, not production) writes to them.

CREATE TABLE sandbox_customer (
    id              text PRIMARY KEY,                 -- cus_sbx_…
    org_id          uuid        NOT NULL,
    name            text        NOT NULL,
    idempotency_key text        NOT NULL UNIQUE,      -- a retried create returns the first customer
    created_at      timestamptz NOT NULL
);

CREATE TABLE sandbox_checkout_session (
    id                  text PRIMARY KEY,             -- cs_sbx_…
    org_id              uuid        NOT NULL,
    mode                text        NOT NULL,
    customer_id         text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('open', 'complete', 'expired')),
    payment_status      text        NOT NULL CHECK (payment_status IN ('unpaid', 'paid')),
    client_reference_id text,
    metadata            jsonb       NOT NULL DEFAULT '{}',
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            text        NOT NULL,
    product_name        text        NOT NULL,
    payment_intent      text UNIQUE,                  -- pi_sbx_…, set when paid
    success_url         text        NOT NULL,
    cancel_url          text        NOT NULL,
    idempotency_key     text        NOT NULL UNIQUE,  -- a retried create returns the first session
    created_at          timestamptz NOT NULL,
    CHECK ((payment_status = 'paid') = (payment_intent IS NOT NULL)),
    CHECK (payment_status = 'unpaid' OR status = 'complete')
);
CREATE INDEX sandbox_checkout_session_reference ON sandbox_checkout_session (client_reference_id);

-- the charge of a paid session: refunds add up on it, and the CHECK keeps them within its amount
CREATE TABLE sandbox_charge (
    id                    text PRIMARY KEY,           -- ch_sbx_…
    payment_intent        text        NOT NULL UNIQUE REFERENCES sandbox_checkout_session (payment_intent),
    amount_minor          bigint      NOT NULL,
    amount_refunded_minor bigint      NOT NULL DEFAULT 0,
    currency              text        NOT NULL,
    created_at            timestamptz NOT NULL,
    CHECK (amount_refunded_minor BETWEEN 0 AND amount_minor)
);

-- every event the sandbox sent to the inbox, as sent; shown as evt_sbx_<id without dashes>
CREATE TABLE sandbox_event (
    id           uuid PRIMARY KEY,
    type         text        NOT NULL,
    body         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    delivered_at timestamptz                          -- NULL until the inbox has it; a sweep retries
);
CREATE INDEX sandbox_event_newest ON sandbox_event (created_at DESC, id DESC);
CREATE INDEX sandbox_event_undelivered ON sandbox_event (created_at) WHERE delivered_at IS NULL;
