-- People who sign in with the GetPaidX app's accounts (JWT on the API, OIDC on the pages): one local user per
-- (issuer, subject), never linked by email. Such a user has no password here, so password_hash may be NULL
-- (a password sign-in to it always fails). User-owned, not org-owned: no org_id (DistributionRuleIntegrationTests).
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;

CREATE TABLE app_user_identity (
    issuer     text        NOT NULL,
    subject    text        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX app_user_identity_user ON app_user_identity (user_id);
