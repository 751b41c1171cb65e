-- usage_charge reads every table by index, whatever the sizes the planner last saw.
--
-- Its plans are generic (V30) and made on a connection's first call. The unnested batch is
-- estimated at 10 rows, so when usage_event_key, member_month_usage or spend_policy were small at
-- that moment, the planner chose hash and merge joins over a sequential scan of each, and kept
-- them as the tables grew: with 10,000 org wallets, one call read about 28,000 rows of
-- usage_event_key per event and cost 3.6 ms for 11 events (2,200 events/s), until an autovacuum
-- ANALYZE made the connection plan again. Every lookup of a batch is by key, so sequential scans
-- are turned off for the call and what it calls: each event costs a few index probes, at any size.
ALTER FUNCTION usage_charge(text[], text[], uuid[], bigint[], text[], text[], timestamptz[], text[], timestamptz, text)
    SET enable_seqscan = off;
