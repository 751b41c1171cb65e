package com.getpaidx.orgs.wallet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.wallet.EntryType;
import com.getpaidx.orgs.wallet.WalletEntry;

@Repository
public class JdbcLedgerRepository {

    private final JdbcClient jdbc;

    JdbcLedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void ensureWallet(OrgId org, Instant now) {
        jdbc.sql("INSERT INTO wallet (org_id, balance, created_at) VALUES (:org, 0, :now) ON CONFLICT (org_id) DO NOTHING")
                .param("org", org.value()).param("now", Timestamp.from(now)).update();
    }

    /** The balance, with the wallet row locked until the transaction ends: changes to one wallet take turns. */
    public java.util.Optional<Long> lockBalance(OrgId org) {
        return jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org FOR UPDATE")
                .param("org", org.value()).query(Long.class).optional();
    }

    public long balance(OrgId org) {
        return jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org")
                .param("org", org.value()).query(Long.class).optional().orElse(0L);
    }

    /** False when an entry with this key exists: the unique key, not a look-up, makes replays harmless. */
    public boolean insertEntry(UUID id, OrgId org, EntryType type, long amount, long balanceAfter, String key,
            String reference, Instant now) {
        return jdbc.sql("""
                INSERT INTO wallet_entry (id, org_id, type, amount, balance_after, idempotency_key, reference, created_at)
                VALUES (:id, :org, :type, :amount, :after, :key, :reference, :now)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", id).param("org", org.value()).param("type", type.json()).param("amount", amount)
                .param("after", balanceAfter).param("key", key).param("reference", reference)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void setBalance(OrgId org, long balance) {
        jdbc.sql("UPDATE wallet SET balance = :balance WHERE org_id = :org")
                .param("org", org.value()).param("balance", balance).update();
    }

    /**
     * Usage spent since {@code since}, as a positive number of micro-credits: the whole UTC days from the day totals
     * (V35), and the entries of the part-day before them, which is empty when {@code since} is a midnight (the
     * month-to-date) and at most a day of entries otherwise (the runway's window).
     */
    public long usageSince(OrgId org, Instant since) {
        LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
        Instant sinceMidnight = sinceDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate firstWholeDay = since.equals(sinceMidnight) ? sinceDay : sinceDay.plusDays(1);
        return jdbc.sql("""
                SELECT COALESCE((SELECT sum(credits) FROM wallet_usage_day WHERE org_id = :org AND day >= :firstWholeDay), 0)
                     + COALESCE((SELECT -sum(amount) FROM wallet_entry
                                   WHERE org_id = :org AND type = 'usage' AND created_at >= :since AND created_at < :wholeDays), 0)""")
                .param("org", org.value()).param("firstWholeDay", firstWholeDay)
                .param("since", Timestamp.from(since))
                .param("wholeDays", Timestamp.from(firstWholeDay.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(Long.class).single();
    }

    /** Σ entries, for the invariant checks: it must always equal the cached balance. */
    public long sumOfEntries(OrgId org) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_entry WHERE org_id = :org")
                .param("org", org.value()).query(Long.class).single();
    }

    /** Entries created in [from, to) (either end open when null), newest first. */
    public List<WalletEntry> page(OrgId org, Instant from, Instant to, PageRequest request) {
        return jdbc.sql("""
                SELECT id, type, amount, balance_after, reference, created_at FROM wallet_entry
                 WHERE org_id = :org
                   AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
                   AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)
                   AND (CAST(:afterTime AS timestamptz) IS NULL
                        OR (created_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit""")
                .param("org", org.value())
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("afterTime", request.afterTime() == null ? null : Timestamp.from(request.afterTime()))
                .param("afterId", request.afterId())
                .param("limit", request.fetchSize())
                .query(JdbcLedgerRepository::map).list();
    }

    static WalletEntry map(ResultSet rs, int row) throws SQLException {
        return new WalletEntry(rs.getObject("id", UUID.class), EntryType.fromJson(rs.getString("type")),
                new Credits(rs.getLong("amount")), new Credits(rs.getLong("balance_after")), rs.getString("reference"),
                rs.getTimestamp("created_at").toInstant());
    }
}
