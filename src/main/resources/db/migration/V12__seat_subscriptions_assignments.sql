-- One row per org that ever bought or assigned seats: its seat subscription as the provider last reported
-- it. The row exists before the subscription does (subscription_id NULL), so that every change to the org's
-- seats can lock it: assignments, reconciliation and subscription updates of one org take turns on it.
CREATE TABLE seat_subscription (
    org_id               uuid PRIMARY KEY,
    subscription_id      text UNIQUE,
    customer_id          text,
    status               text,
    quantity             int CHECK (quantity >= 0),
    current_period_end   timestamptz,
    cancel_at_period_end boolean     NOT NULL DEFAULT false,
    -- the billing module's number for the look at the provider this row came from; an older look is ignored
    observation          bigint,
    updated_at           timestamptz NOT NULL,
    CHECK ((subscription_id IS NULL) = (status IS NULL)),
    CHECK ((subscription_id IS NULL) = (observation IS NULL))
);

-- who holds (or held) a seat of the org; "ended" when they left the org
CREATE TABLE seat_assignment (
    org_id      uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('active', 'suspended', 'revoked', 'ended')),
    -- when the current assignment began; reconciliation suspends the newest first and restores the oldest first
    assigned_at timestamptz NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX seat_assignment_user_active ON seat_assignment (user_id) WHERE status = 'active';

-- whether each user had Pro when it was last computed: the row is the per-user lock under which a change of
-- Pro is detected and published once, whichever orgs change the user's seats at the same time
CREATE TABLE seat_entitlement (
    user_id    uuid PRIMARY KEY,
    pro        boolean     NOT NULL,
    changed_at timestamptz NOT NULL
);
