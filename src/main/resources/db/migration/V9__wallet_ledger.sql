-- the cached balance; the ledger below is the truth, and both change in one transaction
CREATE TABLE wallet (
    org_id     uuid PRIMARY KEY,
    balance    bigint      NOT NULL DEFAULT 0 CHECK (balance >= 0),
    created_at timestamptz NOT NULL
);

-- append-only: every balance change is one row, amounts in micro-credits
CREATE TABLE wallet_entry (
    id              uuid PRIMARY KEY,
    org_id          uuid        NOT NULL,
    type            text        NOT NULL CHECK (type IN ('topup', 'usage', 'refund_reversal', 'adjustment')),
    amount          bigint      NOT NULL CHECK (amount <> 0),
    balance_after   bigint      NOT NULL CHECK (balance_after >= 0),
    idempotency_key text        NOT NULL UNIQUE,
    reference       text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX wallet_entry_org_time ON wallet_entry (org_id, created_at DESC, id DESC);

CREATE FUNCTION wallet_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'wallet_entry is append-only';
END $$;
CREATE TRIGGER wallet_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON wallet_entry
    FOR EACH ROW EXECUTE FUNCTION wallet_entry_append_only();

CREATE TABLE top_up (
    id                  uuid PRIMARY KEY,
    org_id              uuid        NOT NULL,
    package_id          text        NOT NULL,
    credits             bigint      NOT NULL CHECK (credits > 0),
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('pending', 'paid', 'expired', 'refunded')),
    idempotency_key     text,
    requested_by        uuid        NOT NULL,
    checkout_session_id text UNIQUE,
    checkout_url        text,
    payment_intent_id   text UNIQUE,
    refunded_minor      bigint      NOT NULL DEFAULT 0,
    credits_reversed    bigint      NOT NULL DEFAULT 0,
    credits_unrecovered bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    paid_at             timestamptz,
    UNIQUE (org_id, idempotency_key)
);
CREATE INDEX top_up_org_time ON top_up (org_id, created_at DESC, id DESC);
