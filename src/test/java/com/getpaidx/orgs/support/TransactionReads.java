package com.getpaidx.orgs.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the current transaction has read so far, from PostgreSQL's per-transaction statistics. */
public final class TransactionReads {

    private TransactionReads() {
    }

    /** Rows of {@code table} read so far in this transaction, by sequential scans and through indexes. */
    public static long rows(JdbcClient jdbc, String table) {
        return jdbc.sql("""
                SELECT COALESCE(sum(seq_tup_read + COALESCE(idx_tup_fetch, 0)), 0)::bigint FROM pg_stat_xact_user_tables
                 WHERE relname = :table""")
                .param("table", table).query(Long.class).single();
    }
}
