CREATE TABLE spend_policy (
    org_id                uuid PRIMARY KEY,
    spenders              text        NOT NULL CHECK (spenders IN ('managers', 'all_members', 'selected')),
    selected_user_ids     uuid[]      NOT NULL DEFAULT '{}',
    member_monthly_limit  bigint CHECK (member_monthly_limit >= 0),
    paused                boolean     NOT NULL DEFAULT false,
    low_balance_threshold bigint CHECK (low_balance_threshold >= 0),
    updated_at            timestamptz NOT NULL
);

-- workspaces live in the main app; it registers them here with their owner
CREATE TABLE workspace (
    id             text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
    owner_user_id  uuid        NOT NULL,
    name           text        NOT NULL,
    billing_target text        NOT NULL DEFAULT 'personal' CHECK (billing_target IN ('personal', 'org')),
    billing_org_id uuid,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK ((billing_target = 'org') = (billing_org_id IS NOT NULL))
);
CREATE INDEX workspace_owner ON workspace (owner_user_id);
CREATE INDEX workspace_billing_org ON workspace (billing_org_id, owner_user_id) WHERE billing_org_id IS NOT NULL;

-- the global idempotency key of usage: one row per accepted eventId, whatever org it charged
CREATE TABLE usage_event_key (
    event_id      text PRIMARY KEY,
    org_id        uuid        NOT NULL,
    request_hash  bytea       NOT NULL,
    balance_after bigint      NOT NULL,
    recorded_at   timestamptz NOT NULL
);

CREATE TABLE usage_event (
    org_id        uuid        NOT NULL,
    event_id      text        NOT NULL,
    workspace_id  text        NOT NULL,
    user_id       uuid        NOT NULL,
    payer_user_id uuid        NOT NULL,
    credits       bigint      NOT NULL CHECK (credits > 0),
    kind          text        NOT NULL,
    model         text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (org_id, event_id)
);
CREATE INDEX usage_event_org_time ON usage_event (org_id, recorded_at DESC, event_id DESC);

-- month-to-date per paying member, kept with each charge so the limit check reads one row
CREATE TABLE member_month_usage (
    org_id  uuid   NOT NULL,
    user_id uuid   NOT NULL,
    month   date   NOT NULL,
    credits bigint NOT NULL,
    events  int    NOT NULL,
    PRIMARY KEY (org_id, user_id, month)
);
