-- What the retention sweep (shared/retention/RetentionSweep) deletes, each found by an index of its own, oldest first,
-- a batch at a time, without reading the rows still in use: sent mail, delivered events and processed payment events
-- past their keeping (getpaidx.mail.keep-sent, getpaidx.events.keep-delivered, getpaidx.billing.keep-processed), and
-- sign-in attempts whose newest attempt has left getpaidx.accounts.login-failure-window. Built CONCURRENTLY (this
-- migration runs outside a transaction, V36__retention_indexes.sql.conf): the outbox tables are written in the same
-- transactions as invitations, top-ups and roster changes, which a plain CREATE INDEX would hold up for its build.
-- Each is dropped first: a build cut short leaves an invalid index of that name and Flyway a failed V36, which
-- `flyway repair` clears; the next start then runs V36 again and replaces the invalid index.
DROP INDEX CONCURRENTLY IF EXISTS mail_outbox_sent;
CREATE INDEX CONCURRENTLY mail_outbox_sent ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS event_delivery_delivered;
CREATE INDEX CONCURRENTLY event_delivery_delivered ON event_delivery (delivered_at) WHERE delivered_at IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS payment_event_processed;
CREATE INDEX CONCURRENTLY payment_event_processed ON payment_event (processed_at) WHERE processed_at IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS login_attempt_newest;
CREATE INDEX CONCURRENTLY login_attempt_newest ON login_attempt ((attempts[cardinality(attempts)]));
