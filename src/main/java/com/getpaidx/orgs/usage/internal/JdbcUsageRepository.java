package com.getpaidx.orgs.usage.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.RecordedUsage;
import com.getpaidx.orgs.usage.UsageSummary;

@Repository
public class JdbcUsageRepository {

    private final JdbcClient jdbc;

    JdbcUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long monthToDate(OrgId org, UserId payer, LocalDate month) {
        return jdbc.sql("SELECT credits FROM member_month_usage WHERE org_id = :org AND user_id = :user AND month = :month")
                .param("org", org.value()).param("user", payer.value()).param("month", Date.valueOf(month))
                .query(Long.class).optional().orElse(0L);
    }

    /** Newest first, filtered; {@code involving} limits to events a member acted in or pays for. */
    public List<RecordedUsage> page(OrgId org, UserId userId, String workspaceId, Instant from, Instant to,
            UserId involving, PageRequest request) {
        return jdbc.sql("""
                SELECT event_id, workspace_id, user_id, payer_user_id, credits, kind, model, occurred_at, recorded_at
                  FROM usage_event
                 WHERE org_id = :org
                   AND (CAST(:user AS uuid) IS NULL OR user_id = :user)
                   AND (CAST(:ws AS text) IS NULL OR workspace_id = :ws)
                   AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                   AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                   AND (CAST(:involving AS uuid) IS NULL OR user_id = :involving OR payer_user_id = :involving)
                   AND (CAST(:afterTime AS timestamptz) IS NULL
                        OR (recorded_at, event_id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS text)))
                 ORDER BY recorded_at DESC, event_id DESC
                 LIMIT :limit""")
                .param("org", org.value())
                .param("user", userId == null ? null : userId.value())
                .param("ws", workspaceId)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("involving", involving == null ? null : involving.value())
                .param("afterTime", request.afterTime() == null ? null : Timestamp.from(request.afterTime()))
                .param("afterId", request.afterKey())
                .param("limit", request.fetchSize())
                .query((rs, n) -> new RecordedUsage(rs.getString("event_id"), rs.getString("workspace_id"),
                        new UserId(rs.getObject("user_id", UUID.class)), new UserId(rs.getObject("payer_user_id", UUID.class)),
                        new Credits(rs.getLong("credits")), rs.getString("kind"), rs.getString("model"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Credits and event counts per paying member and per workspace in one UTC month, from the day totals (V35). */
    public UsageSummary summary(OrgId org, YearMonth month) {
        var byMember = jdbc.sql("""
                SELECT payer_user_id, SUM(credits) AS credits, SUM(events) AS events FROM usage_day
                 WHERE org_id = :org AND day BETWEEN :first AND :last
                 GROUP BY payer_user_id ORDER BY SUM(credits) DESC, payer_user_id""")
                .param("org", org.value()).param("first", month.atDay(1)).param("last", month.atEndOfMonth())
                .query((rs, n) -> new UsageSummary.MemberTotal(new UserId(rs.getObject("payer_user_id", UUID.class)),
                        new Credits(rs.getLong("credits")), rs.getLong("events")))
                .list();
        var byWorkspace = jdbc.sql("""
                SELECT workspace_id, SUM(credits) AS credits, SUM(events) AS events FROM usage_day
                 WHERE org_id = :org AND day BETWEEN :first AND :last
                 GROUP BY workspace_id ORDER BY SUM(credits) DESC, workspace_id""")
                .param("org", org.value()).param("first", month.atDay(1)).param("last", month.atEndOfMonth())
                .query((rs, n) -> new UsageSummary.WorkspaceTotal(rs.getString("workspace_id"),
                        new Credits(rs.getLong("credits")), rs.getLong("events")))
                .list();
        return new UsageSummary(byMember, byWorkspace);
    }
}
