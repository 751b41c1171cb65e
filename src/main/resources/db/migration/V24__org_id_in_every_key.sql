-- Every primary key and unique constraint of an org-owned table includes org_id, so the schema can be distributed
-- by org_id (Citus: a unique constraint of a distributed table must contain its distribution column). The ids stay
-- random UUIDs or provider ids, unique in practice; what changes is only what the database enforces. Look-ups by
-- an id alone keep a plain index (they fan out across shards once distributed; docs/operations.md).
-- The global keys that stay (usage eventId, ledger idempotency keys, invitation token hashes) are listed, with
-- their reasons, in DistributionRuleIntegrationTests.GLOBAL_KEYS.
SET LOCAL lock_timeout = '5s';

ALTER TABLE invitation DROP CONSTRAINT invitation_pkey, ADD PRIMARY KEY (org_id, id);
CREATE INDEX invitation_id ON invitation (id);

-- wallet_entry: V21 made its primary key (org_id, created_at, id) already.

ALTER TABLE top_up DROP CONSTRAINT top_up_pkey, ADD PRIMARY KEY (org_id, id);
CREATE INDEX top_up_id ON top_up (id);
ALTER TABLE top_up DROP CONSTRAINT top_up_checkout_session_id_key,
    ADD CONSTRAINT top_up_checkout_session_id_key UNIQUE (org_id, checkout_session_id);
ALTER TABLE top_up DROP CONSTRAINT top_up_payment_intent_id_key,
    ADD CONSTRAINT top_up_payment_intent_id_key UNIQUE (org_id, payment_intent_id);
CREATE INDEX top_up_payment_intent ON top_up (payment_intent_id) WHERE payment_intent_id IS NOT NULL;

ALTER TABLE seat_subscription DROP CONSTRAINT seat_subscription_subscription_id_key,
    ADD CONSTRAINT seat_subscription_subscription_id_key UNIQUE (org_id, subscription_id);
CREATE INDEX seat_subscription_subscription ON seat_subscription (subscription_id) WHERE subscription_id IS NOT NULL;

ALTER TABLE seat_duplicate_subscription DROP CONSTRAINT seat_duplicate_subscription_pkey,
    ADD PRIMARY KEY (org_id, subscription_id);
CREATE INDEX seat_duplicate_subscription_id ON seat_duplicate_subscription (subscription_id);

ALTER TABLE seat_checkout DROP CONSTRAINT seat_checkout_pkey, ADD PRIMARY KEY (org_id, id);
ALTER TABLE seat_checkout DROP CONSTRAINT seat_checkout_session_id_key,
    ADD CONSTRAINT seat_checkout_session_id_key UNIQUE (org_id, session_id);
CREATE INDEX seat_checkout_session ON seat_checkout (session_id);
DROP INDEX seat_duplicate_subscription_org;
