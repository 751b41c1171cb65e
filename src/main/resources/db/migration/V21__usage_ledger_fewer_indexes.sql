-- The usage batch writes three rows per accepted event (usage_event_key, usage_event, wallet_entry);
-- each index on them is one more b-tree insert per event. Measured on a 1,000-event batch, the
-- random-uuid primary key of wallet_entry was the dearest of them (an insert on a random leaf), and
-- usage_event and wallet_entry each carried a primary key beside the (org, time) index that every
-- list reads. Here:
-- * the (org, time, id) index becomes the primary key of both tables: the newest rows of an org go to
--   the right edge of its range, and the key starts with org_id, as a table distributed by org needs;
-- * the global keys (usage eventId, ledger idempotency key) stay unique, compared byte-wise (COLLATE
--   "C": they are opaque identifiers, and memcmp is cheaper than the locale's comparison).

ALTER TABLE wallet_entry DROP CONSTRAINT wallet_entry_pkey;
DROP INDEX wallet_entry_org_time;
ALTER TABLE wallet_entry ALTER COLUMN idempotency_key TYPE text COLLATE "C";
ALTER TABLE wallet_entry ADD CONSTRAINT wallet_entry_pkey PRIMARY KEY (org_id, created_at, id);

ALTER TABLE usage_event DROP CONSTRAINT usage_event_pkey;
DROP INDEX usage_event_org_time;
ALTER TABLE usage_event ALTER COLUMN event_id TYPE text COLLATE "C";
ALTER TABLE usage_event ADD CONSTRAINT usage_event_pkey PRIMARY KEY (org_id, recorded_at, event_id);

ALTER TABLE usage_event_key ALTER COLUMN event_id TYPE text COLLATE "C";

-- As in V13, without ON CONFLICT: a usage key used before violates the unique key and fails the
-- statement, which is what the caller's broken assumption deserves.
CREATE OR REPLACE FUNCTION wallet_append_usage(p_orgs uuid[], p_amounts bigint[], p_afters bigint[], p_keys text[],
                                               p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wallet_entry (id, org_id, type, amount, balance_after, idempotency_key, reference, created_at)
    SELECT gen_random_uuid(), e.org_id, 'usage', e.amount, e.after, e.key, e.key, p_now
      FROM unnest(p_orgs, p_amounts, p_afters, p_keys) AS e(org_id, amount, after, key);
    UPDATE wallet w SET balance = last.after
      FROM (SELECT DISTINCT ON (e.org_id) e.org_id, e.after
              FROM unnest(p_orgs, p_afters) WITH ORDINALITY AS e(org_id, after, n)
             ORDER BY e.org_id, e.n DESC) AS last
     WHERE w.org_id = last.org_id;
END $$;
