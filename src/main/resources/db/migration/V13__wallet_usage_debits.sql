-- The wallet's part of a usage batch. The usage module's charge function (V14) calls these inside its
-- one statement, so the wallet still owns its lock and its ledger rows.

-- Locks the wallets of the given orgs, always in org_id order, so two batches that share wallets
-- never wait on each other in a cycle; returns each balance as of the lock.
CREATE FUNCTION wallet_lock(p_orgs uuid[]) RETURNS TABLE (org_id uuid, balance bigint)
LANGUAGE sql AS $$
    SELECT w.org_id, w.balance FROM wallet w WHERE w.org_id = ANY (p_orgs) ORDER BY w.org_id FOR UPDATE
$$;

-- Appends usage debits (negative amounts, in the order charged, with the balance after each) to
-- wallets the caller has locked, and sets each wallet's cached balance to its last balance after.
-- A key used before is a broken assumption of the caller: the whole statement fails.
CREATE FUNCTION wallet_append_usage(p_orgs uuid[], p_amounts bigint[], p_afters bigint[], p_keys text[],
                                    p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    written int;
BEGIN
    INSERT INTO wallet_entry (id, org_id, type, amount, balance_after, idempotency_key, reference, created_at)
    SELECT gen_random_uuid(), e.org_id, 'usage', e.amount, e.after, e.key, e.key, p_now
      FROM unnest(p_orgs, p_amounts, p_afters, p_keys) AS e(org_id, amount, after, key)
    ON CONFLICT (idempotency_key) DO NOTHING;
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written <> cardinality(p_keys) THEN
        RAISE EXCEPTION 'ledger keys used before: % of % usage debits written', written, cardinality(p_keys);
    END IF;
    UPDATE wallet w SET balance = last.after
      FROM (SELECT DISTINCT ON (e.org_id) e.org_id, e.after
              FROM unnest(p_orgs, p_afters) WITH ORDINALITY AS e(org_id, after, n)
             ORDER BY e.org_id, e.n DESC) AS last
     WHERE w.org_id = last.org_id;
END $$;
