-- Numbers each look at a provider subscription: a look numbered higher was sent later and saw at least as
-- much, so a listener can ignore an older look that arrives after a newer one.
CREATE SEQUENCE billing_subscription_observation;

-- The sandbox sells seats too: subscription-mode checkout sessions and the subscriptions they create.
ALTER TABLE sandbox_checkout_session
    ADD COLUMN quantity        int,
    ADD COLUMN price_id        text,
    ADD COLUMN subscription_id text UNIQUE;

-- a subscription-mode session is paid through its subscription's first invoice, not a payment intent of its own
ALTER TABLE sandbox_checkout_session DROP CONSTRAINT sandbox_checkout_session_check;
ALTER TABLE sandbox_checkout_session ADD CONSTRAINT sandbox_checkout_session_payment_intent_when_paid
    CHECK (mode = 'subscription' OR (payment_status = 'paid') = (payment_intent IS NOT NULL));
ALTER TABLE sandbox_checkout_session ADD CONSTRAINT sandbox_checkout_session_subscription_shape
    CHECK (mode <> 'subscription'
           OR (quantity BETWEEN 1 AND 1000 AND payment_intent IS NULL
               AND (subscription_id IS NOT NULL) = (status = 'complete')));

-- where the sandbox's billing portal links back to (the return URL of the customer's latest portal session)
ALTER TABLE sandbox_customer ADD COLUMN portal_return_url text;

CREATE TABLE sandbox_subscription (
    id                   text PRIMARY KEY,            -- sub_sbx_…
    customer_id          text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('active', 'trialing', 'past_due', 'canceled', 'unpaid',
                                                                 'incomplete', 'incomplete_expired', 'paused')),
    price_id             text        NOT NULL,
    quantity             int         NOT NULL CHECK (quantity >= 0),
    current_period_end   timestamptz NOT NULL,
    cancel_at_period_end boolean     NOT NULL DEFAULT false,
    metadata             jsonb       NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL
);
CREATE INDEX sandbox_subscription_customer ON sandbox_subscription (customer_id, created_at DESC);
