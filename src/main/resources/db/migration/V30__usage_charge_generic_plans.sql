-- Plan usage_charge's statements once per connection, not once per call.
--
-- PL/pgSQL caches a statement's plan, but chooses a plan made for the actual arrays of each call
-- (a "custom" plan) as long as it looks cheaper than the generic one, and for arrays of a few events
-- it always does: the gathering SELECT of V22 (seven joins, three windows) was planned on every
-- batch, about 1.8 ms of a 2.5 ms call for four events on one wallet (pg_stat_statements with
-- track = all: 2,530 plans in 2,529 calls). Its generic plan is the same shape (index lookups per
-- event, nested loops) and costs 0.1 ms to run, so the function and every statement it runs
-- (wallet_append_usage's too) take the generic plan.
ALTER FUNCTION usage_charge(text[], text[], uuid[], bigint[], text[], text[], timestamptz[], text[], timestamptz, text)
    SET plan_cache_mode = force_generic_plan;

-- wallet_lock as PL/pgSQL: a set-returning SQL function with FOR UPDATE is not inlined, and its
-- statement was planned on every call (about 50 µs); PL/pgSQL keeps the plan.
CREATE OR REPLACE FUNCTION wallet_lock(p_orgs uuid[]) RETURNS TABLE (org_id uuid, balance bigint)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY
        SELECT w.org_id, w.balance FROM wallet w WHERE w.org_id = ANY (p_orgs) ORDER BY w.org_id FOR UPDATE;
END $$;
