-- Set when the owner of the account proved they read its mailbox; NULL = not yet (with mail configured,
-- such an account may not join an organization). Without mail every account counts as verified.
ALTER TABLE app_user ADD COLUMN email_verified_at timestamptz;

-- Verification links: the token's SHA-256 only. Used once (the row is deleted as it is used), bound to
-- the account and to the address it was sent to.
CREATE TABLE email_verification (
    token_hash bytea PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    email      text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX email_verification_user ON email_verification (user_id);
