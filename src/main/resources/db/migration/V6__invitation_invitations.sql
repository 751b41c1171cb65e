CREATE TABLE invitation (
    id              uuid PRIMARY KEY,
    org_id          uuid        NOT NULL,
    email           text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'billing_admin', 'member')),
    -- 'pending' rows past expires_at read as expired; they are marked so when someone touches them
    status          text        NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked', 'expired')),
    token_hash      bytea       NOT NULL UNIQUE,
    invited_by      uuid        NOT NULL,
    invited_by_name text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    accepted_by     uuid,
    accepted_at     timestamptz,
    revoked_at      timestamptz
);
-- one live invitation per address and org: the database, not a look-up, refuses a second one
CREATE UNIQUE INDEX invitation_one_pending_per_email ON invitation (org_id, lower(email)) WHERE status = 'pending';
CREATE INDEX invitation_org_created ON invitation (org_id, created_at DESC, id DESC);
