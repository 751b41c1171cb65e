-- The seat checkouts an org started, so that starting another expires the earlier ones at the provider: two
-- tabs cannot both pay. "id" orders them; a session is closed once the provider said it can no longer be paid.
CREATE TABLE seat_checkout (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id text        NOT NULL UNIQUE,
    org_id     uuid        NOT NULL,
    started_at timestamptz NOT NULL,
    closed_at  timestamptz
);
CREATE INDEX seat_checkout_open ON seat_checkout (org_id, id) WHERE closed_at IS NULL;

-- A second live seat subscription of an org (two checkouts paid anyway): the org pays for its seats, so they
-- count, until a billing manager cancels one in the portal. The org's own one stays in seat_subscription; when
-- that one ends, a live duplicate takes its place.
CREATE TABLE seat_duplicate_subscription (
    subscription_id      text PRIMARY KEY,
    org_id               uuid        NOT NULL REFERENCES seat_subscription (org_id),
    customer_id          text,
    status               text        NOT NULL,
    quantity             int         NOT NULL CHECK (quantity >= 0),
    current_period_end   timestamptz,
    cancel_at_period_end boolean     NOT NULL DEFAULT false,
    observation          bigint      NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX seat_duplicate_subscription_org ON seat_duplicate_subscription (org_id);
