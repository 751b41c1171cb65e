-- Dead letters: a payment event or a mail that failed its last allowed attempt is marked dead and never
-- tried again (an operator looks at it); the sender's and the retrier's due scans skip it.
ALTER TABLE payment_event ADD COLUMN dead_at timestamptz;
DROP INDEX payment_event_due;
CREATE INDEX payment_event_due ON payment_event (next_attempt_at) WHERE processed_at IS NULL AND dead_at IS NULL;
CREATE INDEX payment_event_dead ON payment_event (dead_at) WHERE dead_at IS NOT NULL;

ALTER TABLE mail_outbox ADD COLUMN dead_at timestamptz;
-- a dead mail's bodies are erased like a sent one's: they may hold a one-time secret
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_unsent_has_body;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_pending_has_body
    CHECK (sent_at IS NOT NULL OR dead_at IS NOT NULL OR (text_body IS NOT NULL AND html_body IS NOT NULL));
DROP INDEX mail_outbox_due;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX mail_outbox_dead ON mail_outbox (dead_at) WHERE dead_at IS NOT NULL;

-- a dead letter belongs to no org: the audit log takes events of the service itself (org_id NULL)
ALTER TABLE audit_event ALTER COLUMN org_id DROP NOT NULL;
