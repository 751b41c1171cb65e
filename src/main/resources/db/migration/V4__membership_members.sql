CREATE TABLE membership (
    org_id    uuid        NOT NULL,
    user_id   uuid        NOT NULL,
    role      text        NOT NULL CHECK (role IN ('owner', 'admin', 'billing_admin', 'member')),
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX membership_org_joined ON membership (org_id, joined_at, user_id);
CREATE INDEX membership_user_joined ON membership (user_id, joined_at, org_id);
