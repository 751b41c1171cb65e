-- A durable usage call (a batch under getpaidx.usage.defer-from events) always writes WAL of its own, so its
-- commit waits for the disk up to its commit record, past every deferred batch committed before it. A batch
-- of only replays and refusals may lock no wallet and write nothing, and PostgreSQL commits such a
-- transaction without flushing: its answers, a replay confirming a deferred charge not yet on disk among
-- them, would come before the disk has what they confirm. The call's statement joins this function.
CREATE FUNCTION usage_durable_mark() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_logical_emit_message(true, 'getpaidx.usage.durable', '');
    RETURN true;
END $$;
