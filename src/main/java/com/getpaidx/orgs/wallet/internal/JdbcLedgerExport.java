package com.getpaidx.orgs.wallet.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.RowStream;
import com.getpaidx.orgs.wallet.WalletEntry;

/** The whole ledger of an org for a time range, row by row (CSV exports). */
@Repository
public class JdbcLedgerExport {

    private final RowStream rows;

    JdbcLedgerExport(RowStream rows) {
        this.rows = rows;
    }

    /** Entries created in [from, to) (either end open when null), oldest first. */
    public long export(OrgId org, Instant from, Instant to, Consumer<WalletEntry> sink) {
        var parameters = new HashMap<String, Object>();
        parameters.put("org", org.value());
        parameters.put("from", from == null ? null : Timestamp.from(from));
        parameters.put("to", to == null ? null : Timestamp.from(to));
        return rows.each("""
                SELECT id, type, amount, balance_after, reference, created_at FROM wallet_entry
                 WHERE org_id = :org
                   AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
                   AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)
                 ORDER BY created_at, id""", parameters, JdbcLedgerRepository::map, sink);
    }
}
