-- Usage totals per UTC day, kept by the same call that charges, so that no page or API reads one row per
-- event of the month: the wallet's month-to-date and runway (wallet_usage_day), and the usage summary and
-- 30-day chart (usage_day). Before, GET …/wallet, the overview and the usage page summed every usage entry
-- of the month, and a busy org's page cost as much as its month of usage.
--
-- Each rollup row is written only by a charge that holds its org's wallet lock (wallet_lock, in org_id
-- order), so the upserts add no lock and no deadlock; the day is p_now's UTC date, the same p_now that is
-- the entries' created_at and the events' recorded_at.

CREATE TABLE wallet_usage_day (
    org_id  uuid   NOT NULL,
    day     date   NOT NULL,
    credits bigint NOT NULL CHECK (credits >= 0),
    PRIMARY KEY (org_id, day)
);

CREATE TABLE usage_day (
    org_id        uuid   NOT NULL,
    day           date   NOT NULL,
    workspace_id  text   COLLATE "C" NOT NULL,
    user_id       uuid   NOT NULL,
    payer_user_id uuid   NOT NULL,
    credits       bigint NOT NULL CHECK (credits > 0),
    events        bigint NOT NULL CHECK (events > 0),
    PRIMARY KEY (org_id, day, workspace_id, user_id, payer_user_id)
);

-- the history so far; charges wait until this migration commits (locked in the order a charge writes them),
-- so none falls between the backfill and the functions below. That pauses charging for the backfill, which
-- is fine before production data (docs/operations.md, "Migrations"); lock_timeout as for every migration
-- that locks the usage tables.
SET LOCAL lock_timeout = '5s';
LOCK TABLE wallet_entry IN SHARE MODE;
LOCK TABLE usage_event IN SHARE MODE;

INSERT INTO wallet_usage_day (org_id, day, credits)
SELECT org_id, (created_at AT TIME ZONE 'UTC')::date, -sum(amount)
  FROM wallet_entry WHERE type = 'usage'
 GROUP BY 1, 2;

INSERT INTO usage_day (org_id, day, workspace_id, user_id, payer_user_id, credits, events)
SELECT org_id, (recorded_at AT TIME ZONE 'UTC')::date, workspace_id, user_id, payer_user_id, sum(credits), count(*)
  FROM usage_event
 GROUP BY 1, 2, 3, 4, 5;

-- wallet_append_usage() of V33 and the day's total
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
     WHERE w.org_id = last.org_id AND w.org_id = ANY (p_orgs);
    INSERT INTO wallet_usage_day (org_id, day, credits)
    SELECT e.org_id, (p_now AT TIME ZONE 'UTC')::date, -sum(e.amount)
      FROM unnest(p_orgs, p_amounts) AS e(org_id, amount)
     GROUP BY e.org_id
    ON CONFLICT (org_id, day) DO UPDATE SET credits = wallet_usage_day.credits + EXCLUDED.credits;
END $$;

-- usage_charge() of V33 with the same rules and answers, and the day's totals
CREATE OR REPLACE FUNCTION usage_charge(p_event_ids text[], p_workspace_ids text[], p_user_ids uuid[], p_credits bigint[],
                             p_kinds text[], p_models text[], p_occurred timestamptz[], p_hashes text[],
                             p_now timestamptz, p_synchronous_commit text)
RETURNS TABLE (event_index int, outcome text, refusal text, charged_org uuid, balance_after bigint,
               alert_before bigint, alert_threshold bigint)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
#variable_conflict use_column
DECLARE
    n int := cardinality(p_event_ids);
    v_month date := date_trunc('month', p_now AT TIME ZONE 'UTC')::date;
    -- the workspaces' bindings, read once: the wallets locked are the wallets charged
    b_ws text[];
    b_org uuid[];
    b_owner uuid[];
    l_org uuid[];
    l_balance bigint[];
    -- per event
    e_outcome text[] := array_fill(NULL::text, ARRAY[n]);
    e_code text[] := array_fill(NULL::text, ARRAY[n]);
    e_org uuid[] := array_fill(NULL::uuid, ARRAY[n]);
    e_after bigint[] := array_fill(NULL::bigint, ARRAY[n]);
    -- the accepted events, in the order charged: what the inserts below write
    na int := 0;
    a_i int[] := '{}';
    a_org uuid[] := '{}';
    a_debit bigint[] := '{}';
    a_after bigint[] := '{}';
    a_key text[] := '{}';
    a_payer uuid[] := '{}';
    -- running state per org and per (org, payer), indexed by rank in the batch
    o_id uuid[] := '{}';
    o_start bigint[] := '{}';
    o_balance bigint[] := '{}';
    o_threshold bigint[] := '{}';
    s_spent bigint[] := '{}';
    r record;
    v_refusal text;
    v_earlier int;
    written int;
BEGIN
    PERFORM set_config('synchronous_commit', p_synchronous_commit, true);
    IF p_synchronous_commit = 'on' THEN
        PERFORM usage_durable_mark();
    END IF;
    SELECT array_agg(w.id), array_agg(w.billing_org_id), array_agg(w.owner_user_id)
      INTO b_ws, b_org, b_owner
      FROM workspace w WHERE w.id = ANY (p_workspace_ids);
    SELECT array_agg(l.org_id), array_agg(l.balance) INTO l_org, l_balance
      FROM wallet_lock(ARRAY(SELECT DISTINCT o FROM unnest(b_org) AS o WHERE o IS NOT NULL)) AS l;

    FOR r IN
        WITH payer AS MATERIALIZED (
            SELECT d.org, d.owner, o.status, p.paused, p.spenders, p.selected_user_ids, p.member_monthly_limit,
                   p.low_balance_threshold, m.role, mm.credits
              FROM (SELECT DISTINCT b.org, b.owner FROM unnest(b_org, b_owner) AS b(org, owner) WHERE b.org IS NOT NULL) AS d
              LEFT JOIN LATERAL (SELECT o.status FROM organization o WHERE o.id = d.org LIMIT 1) AS o ON true
              LEFT JOIN LATERAL (SELECT p.paused, p.spenders, p.selected_user_ids, p.member_monthly_limit, p.low_balance_threshold
                                   FROM spend_policy p WHERE p.org_id = d.org LIMIT 1) AS p ON true
              LEFT JOIN LATERAL (SELECT m.role FROM membership m WHERE m.org_id = d.org AND m.user_id = d.owner LIMIT 1) AS m ON true
              LEFT JOIN LATERAL (SELECT mm.credits FROM member_month_usage mm
                                  WHERE mm.org_id = d.org AND mm.user_id = d.owner AND mm.month = v_month LIMIT 1) AS mm ON true)
        SELECT e.i::int AS i, e.event_id, e.credits, e.hash,
               k.org_id AS key_org, encode(k.request_hash, 'hex') AS key_hash, k.balance_after AS key_after,
               b.ws IS NOT NULL AS known, b.org, b.owner,
               min(e.i) OVER (PARTITION BY e.event_id COLLATE "C")::int AS first_i,
               dense_rank() OVER (ORDER BY b.org)::int AS org_rank,
               dense_rank() OVER (ORDER BY b.org, b.owner)::int AS payer_rank,
               COALESCE(y.status = 'active', false) AS active,
               COALESCE(y.paused, false) AS paused, COALESCE(y.spenders, 'all_members') AS spenders,
               COALESCE(y.selected_user_ids, '{}') AS selected, y.member_monthly_limit AS member_limit,
               y.low_balance_threshold AS threshold, y.role, COALESCE(y.credits, 0) AS spent,
               COALESCE(l.balance, 0) AS balance
          FROM unnest(p_event_ids, p_workspace_ids, p_credits, p_hashes) WITH ORDINALITY AS e(event_id, ws, credits, hash, i)
          LEFT JOIN LATERAL (SELECT k.org_id, k.request_hash, k.balance_after FROM usage_event_key k
                              WHERE k.event_id = e.event_id LIMIT 1) AS k ON true
          LEFT JOIN unnest(b_ws, b_org, b_owner) AS b(ws, org, owner) ON b.ws = e.ws
          LEFT JOIN payer y ON y.org = b.org AND y.owner = b.owner
          LEFT JOIN unnest(l_org, l_balance) AS l(org, balance) ON l.org = b.org
         ORDER BY e.i
    LOOP
        -- a replay: the original answer for the same body, a conflict for another (even if re-bound since)
        IF r.key_org IS NOT NULL THEN
            e_org[r.i] := r.key_org;
            IF r.key_hash = r.hash THEN
                e_outcome[r.i] := 'duplicate';
                e_after[r.i] := r.key_after;
            ELSE
                e_outcome[r.i] := 'rejected';
                e_code[r.i] := 'idempotency_conflict';
            END IF;
            CONTINUE;
        END IF;
        -- the same eventId charged earlier in this very batch answers the same way
        IF r.first_i <> r.i THEN
            v_earlier := NULL;
            FOR j IN 1 .. na LOOP
                IF p_event_ids[a_i[j]] = r.event_id THEN
                    v_earlier := a_i[j];
                END IF;
            END LOOP;
            IF v_earlier IS NOT NULL THEN
                e_org[r.i] := e_org[v_earlier];
                IF p_hashes[v_earlier] = r.hash THEN
                    e_outcome[r.i] := 'duplicate';
                    e_after[r.i] := e_after[v_earlier];
                ELSE
                    e_outcome[r.i] := 'rejected';
                    e_code[r.i] := 'idempotency_conflict';
                END IF;
                CONTINUE;
            END IF;
        END IF;
        IF NOT r.known OR r.org IS NULL THEN
            e_outcome[r.i] := 'rejected';
            e_code[r.i] := CASE WHEN r.known THEN 'not_org_billed' ELSE 'workspace_not_found' END;
            CONTINUE;
        END IF;
        IF o_balance[r.org_rank] IS NULL THEN
            o_id[r.org_rank] := r.org;
            o_start[r.org_rank] := r.balance;
            o_balance[r.org_rank] := r.balance;
            o_threshold[r.org_rank] := r.threshold;
        END IF;
        IF s_spent[r.payer_rank] IS NULL THEN
            s_spent[r.payer_rank] := r.spent;
        END IF;
        e_org[r.i] := r.org;
        v_refusal := usage_refusal(r.active, r.paused, r.spenders, r.selected, r.owner, r.role, r.member_limit,
                                   s_spent[r.payer_rank], o_balance[r.org_rank], r.credits);
        IF v_refusal IS NOT NULL THEN
            e_outcome[r.i] := 'rejected';
            e_code[r.i] := v_refusal;
            CONTINUE;
        END IF;
        o_balance[r.org_rank] := o_balance[r.org_rank] - r.credits;
        s_spent[r.payer_rank] := s_spent[r.payer_rank] + r.credits;
        e_outcome[r.i] := 'accepted';
        e_after[r.i] := o_balance[r.org_rank];
        na := na + 1;
        a_i[na] := r.i;
        a_org[na] := r.org;
        a_debit[na] := -r.credits;
        a_after[na] := e_after[r.i];
        a_key[na] := 'usage:' || r.event_id;
        a_payer[na] := r.owner;
    END LOOP;

    IF na > 0 THEN
        INSERT INTO usage_event_key (event_id, org_id, request_hash, balance_after, recorded_at)
        SELECT p_event_ids[a.i], a.org, decode(p_hashes[a.i], 'hex'), a.after, p_now
          FROM unnest(a_i, a_org, a_after) AS a(i, org, after)
        ON CONFLICT (event_id) DO NOTHING;
        GET DIAGNOSTICS written = ROW_COUNT;
        IF written <> na THEN
            RAISE EXCEPTION 'a usage eventId of this batch was charged meanwhile' USING ERRCODE = 'GPX01';
        END IF;
        PERFORM wallet_append_usage(a_org, a_debit, a_after, a_key, p_now);
        INSERT INTO usage_event (org_id, event_id, workspace_id, user_id, payer_user_id, credits, kind, model,
                                 occurred_at, recorded_at)
        SELECT a.org, p_event_ids[a.i], p_workspace_ids[a.i], p_user_ids[a.i], a.payer, p_credits[a.i],
               p_kinds[a.i], p_models[a.i], p_occurred[a.i], p_now
          FROM unnest(a_i, a_org, a_payer) AS a(i, org, payer);
        INSERT INTO member_month_usage (org_id, user_id, month, credits, events)
        SELECT a.org, a.payer, v_month, -sum(a.debit), count(*)
          FROM unnest(a_org, a_payer, a_debit) AS a(org, payer, debit)
         GROUP BY a.org, a.payer
        ON CONFLICT (org_id, user_id, month)
        DO UPDATE SET credits = member_month_usage.credits + EXCLUDED.credits,
                      events = member_month_usage.events + EXCLUDED.events;
        INSERT INTO usage_day (org_id, day, workspace_id, user_id, payer_user_id, credits, events)
        SELECT a.org, (p_now AT TIME ZONE 'UTC')::date, p_workspace_ids[a.i], p_user_ids[a.i], a.payer,
               sum(p_credits[a.i]), count(*)
          FROM unnest(a_i, a_org, a_payer) AS a(i, org, payer)
         GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (org_id, day, workspace_id, user_id, payer_user_id)
        DO UPDATE SET credits = usage_day.credits + EXCLUDED.credits, events = usage_day.events + EXCLUDED.events;
    END IF;

    RETURN QUERY
        SELECT i, e_outcome[i], e_code[i], e_org[i], e_after[i], NULL::bigint, NULL::bigint
          FROM generate_series(1, n) AS i;
    RETURN QUERY
        INSERT INTO usage_low_balance (org_id, threshold, balance_before, balance_after, crossed_at)
        SELECT o_id[k], o_threshold[k], o_start[k], o_balance[k], p_now
          FROM generate_subscripts(o_balance, 1) AS k
         WHERE o_threshold[k] IS NOT NULL AND o_start[k] >= o_threshold[k] AND o_balance[k] < o_threshold[k]
        RETURNING NULL::int, 'low_balance', NULL::text, org_id, balance_after, balance_before, threshold;
END $$;
