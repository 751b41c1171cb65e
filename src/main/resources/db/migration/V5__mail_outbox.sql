-- Outgoing mail. A row is written in the transaction of the change it reports (a rolled-back change
-- mails nobody) and sent later by whichever instance claims it, outside any transaction.
CREATE TABLE mail_outbox (
    id              uuid PRIMARY KEY,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    -- erased once sent: a body may carry a one-time secret, such as an invitation link
    text_body       text,
    html_body       text,
    -- claims so far; a claim leases the row by moving next_attempt_at forward
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT mail_outbox_unsent_has_body
        CHECK (sent_at IS NOT NULL OR (text_body IS NOT NULL AND html_body IS NOT NULL))
);
-- the sender's claim reads due, unsent rows in order and nothing else
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
