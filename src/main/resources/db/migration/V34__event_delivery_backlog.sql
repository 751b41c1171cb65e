-- The outbox's gauges (getpaidx_events_outbox_*, read at most once per getpaidx.metrics.gauge-refresh when scraped)
-- read delivered rows, which stay in event_delivery for good:
-- - the dead count read every row of the table (no index on dead rows);
-- - the oldest pending delivery was found by walking event_delivery_recent from the oldest row and skipping every
--   row not pending: with nothing pending, the usual case, the whole table again.
-- Like payment_event and mail_outbox, the rows counted get partial indexes of their own.
CREATE INDEX event_delivery_dead ON event_delivery (created_at) WHERE status = 'dead';
CREATE INDEX event_delivery_pending_age ON event_delivery (created_at) WHERE status = 'pending';
