-- An event that arrived before one it depends on (a refund before its payment's grant) waits for an id the
-- missing event mentions; processing an event that mentions it processes the waiting ones right after.
ALTER TABLE payment_event ADD COLUMN awaiting text;
CREATE INDEX payment_event_awaiting ON payment_event (awaiting) WHERE processed_at IS NULL AND awaiting IS NOT NULL;
