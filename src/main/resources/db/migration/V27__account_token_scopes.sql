-- What an API token may do (DESIGN §9), and when it was last used (updated at most once a minute per token, so
-- a request does not write). Tokens issued before scopes existed keep every scope.
ALTER TABLE api_token
    ADD COLUMN scopes text[] NOT NULL
        DEFAULT '{orgs:read,orgs:write,members:write,billing:read,billing:write,seats:write}',
    ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_token ALTER COLUMN scopes DROP DEFAULT;
-- the account page lists a user's tokens newest first
CREATE INDEX api_token_user_created ON api_token (user_id, created_at DESC);
DROP INDEX api_token_user;
