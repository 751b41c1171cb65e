package com.getpaidx.orgs.usage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.RowStream;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.RecordedUsage;
import com.getpaidx.orgs.usage.UsageDay;

/** Reading the usage ledger for display and export; nothing here is on the charging path. */
@Repository
public class JdbcUsageReadings {

    private final JdbcClient jdbc;
    private final RowStream rows;

    JdbcUsageReadings(JdbcClient jdbc, RowStream rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** Every event that occurred in [from, to) (either end open when null), oldest first, one at a time. */
    public long export(OrgId org, Instant from, Instant to, UserId involving, Consumer<RecordedUsage> sink) {
        var parameters = new HashMap<String, Object>();
        parameters.put("org", org.value());
        parameters.put("from", from == null ? null : Timestamp.from(from));
        parameters.put("to", to == null ? null : Timestamp.from(to));
        parameters.put("involving", involving == null ? null : involving.value());
        return rows.each("""
                SELECT event_id, workspace_id, user_id, payer_user_id, credits, kind, model, occurred_at, recorded_at
                  FROM usage_event
                 WHERE org_id = :org
                   AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                   AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                   AND (CAST(:involving AS uuid) IS NULL OR user_id = :involving OR payer_user_id = :involving)
                 ORDER BY occurred_at, event_id""", parameters,
                (rs, n) -> new RecordedUsage(rs.getString("event_id"), rs.getString("workspace_id"),
                        new UserId(rs.getObject("user_id", UUID.class)), new UserId(rs.getObject("payer_user_id", UUID.class)),
                        new Credits(rs.getLong("credits")), rs.getString("kind"), rs.getString("model"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant()),
                sink);
    }

    /** Whether an event (one {@code involving} acted in or paid for, when given) was recorded since {@code since}. */
    public boolean anySince(OrgId org, Instant since, UserId involving) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM usage_event
                                WHERE org_id = :org AND recorded_at >= :since
                                  AND (CAST(:involving AS uuid) IS NULL OR user_id = :involving OR payer_user_id = :involving))""")
                .param("org", org.value()).param("since", Timestamp.from(since))
                .param("involving", involving == null ? null : involving.value())
                .query(Boolean.class).single();
    }

    /**
     * Credits charged per UTC day in [first, last], every day present (zero when nothing was charged), from the day
     * totals (V35): a few rows a day, not one an event.
     */
    public List<UsageDay> daily(OrgId org, LocalDate first, LocalDate last, UserId involving) {
        Map<LocalDate, Long> sums = new HashMap<>();
        jdbc.sql("""
                SELECT day, SUM(credits) AS credits FROM usage_day
                 WHERE org_id = :org AND day BETWEEN :first AND :last
                   AND (CAST(:involving AS uuid) IS NULL OR user_id = :involving OR payer_user_id = :involving)
                 GROUP BY day""")
                .param("org", org.value()).param("first", first).param("last", last)
                .param("involving", involving == null ? null : involving.value())
                .query((rs, n) -> sums.put(rs.getObject("day", LocalDate.class), rs.getLong("credits")))
                .list();
        return first.datesUntil(last.plusDays(1))
                .map(day -> new UsageDay(day, new Credits(sums.getOrDefault(day, 0L))))
                .toList();
    }
}
