package com.getpaidx.orgs.usage.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

    /** What an accepted eventId was charged: enough to answer a replay exactly as the first time. */
    public record KeyedCharge(String eventId, OrgId orgId, byte[] requestHash, long balanceAfter) {
    }

    private final JdbcClient jdbc;

    JdbcUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public java.util.Map<String, KeyedCharge> findKeys(java.util.Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("SELECT event_id, org_id, request_hash, balance_after FROM usage_event_key WHERE event_id = ANY(:ids)")
                .param("ids", eventIds.toArray(String[]::new))
                .query((rs, n) -> new KeyedCharge(rs.getString("event_id"), new OrgId(rs.getObject("org_id", UUID.class)),
                        rs.getBytes("request_hash"), rs.getLong("balance_after")))
                .list().stream().collect(java.util.stream.Collectors.toMap(KeyedCharge::eventId, k -> k));
    }

    public Optional<KeyedCharge> findKey(String eventId) {
        return jdbc.sql("SELECT event_id, org_id, request_hash, balance_after FROM usage_event_key WHERE event_id = :id")
                .param("id", eventId)
                .query((rs, n) -> new KeyedCharge(rs.getString("event_id"), new OrgId(rs.getObject("org_id", UUID.class)),
                        rs.getBytes("request_hash"), rs.getLong("balance_after")))
                .optional();
    }

    /** False when another request charged this eventId first (the primary key decides). */
    public boolean insertKey(String eventId, OrgId org, byte[] hash, long balanceAfter, Instant now) {
        return jdbc.sql("""
                INSERT INTO usage_event_key (event_id, org_id, request_hash, balance_after, recorded_at)
                VALUES (:id, :org, :hash, :after, :now) ON CONFLICT (event_id) DO NOTHING""")
                .param("id", eventId).param("org", org.value()).param("hash", hash).param("after", balanceAfter)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void insertEvent(OrgId org, RecordedUsage usage) {
        jdbc.sql("""
                INSERT INTO usage_event (org_id, event_id, workspace_id, user_id, payer_user_id, credits, kind, model,
                                         occurred_at, recorded_at)
                VALUES (:org, :id, :ws, :user, :payer, :credits, :kind, :model, :occurred, :recorded)""")
                .param("org", org.value()).param("id", usage.eventId()).param("ws", usage.workspaceId())
                .param("user", usage.userId().value()).param("payer", usage.payerUserId().value())
                .param("credits", usage.credits().micros()).param("kind", usage.kind()).param("model", usage.model())
                .param("occurred", Timestamp.from(usage.occurredAt())).param("recorded", Timestamp.from(usage.recordedAt()))
                .update();
    }

    /**
     * Keys for many accepted events in one statement; returns the ids actually written (an id missing
     * from the answer was taken meanwhile by a charge through another org).
     */
    public java.util.Set<String> insertKeys(OrgId org, String[] eventIds, String[] hashesHex, long[] balancesAfter,
            Instant now) {
        return new java.util.HashSet<>(jdbc.sql("""
                INSERT INTO usage_event_key (event_id, org_id, request_hash, balance_after, recorded_at)
                SELECT k.id, :org, decode(k.hash, 'hex'), k.after, :now
                  FROM unnest(:ids, :hashes, :afters) AS k(id, hash, after)
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id""")
                .param("org", org.value()).param("ids", eventIds).param("hashes", hashesHex)
                .param("afters", balancesAfter).param("now", Timestamp.from(now))
                .query(String.class).list());
    }

    public void insertEvents(OrgId org, java.util.List<RecordedUsage> events) {
        int n = events.size();
        String[] ids = new String[n];
        String[] workspaces = new String[n];
        UUID[] users = new UUID[n];
        UUID[] payers = new UUID[n];
        long[] credits = new long[n];
        String[] kinds = new String[n];
        String[] models = new String[n];
        Timestamp[] occurred = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            RecordedUsage e = events.get(i);
            ids[i] = e.eventId();
            workspaces[i] = e.workspaceId();
            users[i] = e.userId().value();
            payers[i] = e.payerUserId().value();
            credits[i] = e.credits().micros();
            kinds[i] = e.kind();
            models[i] = e.model();
            occurred[i] = Timestamp.from(e.occurredAt());
        }
        jdbc.sql("""
                INSERT INTO usage_event (org_id, event_id, workspace_id, user_id, payer_user_id, credits, kind, model,
                                         occurred_at, recorded_at)
                SELECT :org, e.id, e.ws, e.usr, e.payer, e.credits, e.kind, e.model, e.occurred, :recorded
                  FROM unnest(:ids, :ws, :users, :payers, :credits, :kinds, :models, :occurred)
                       AS e(id, ws, usr, payer, credits, kind, model, occurred)""")
                .param("org", org.value()).param("ids", ids).param("ws", workspaces).param("users", users)
                .param("payers", payers).param("credits", credits).param("kinds", kinds).param("models", models)
                .param("occurred", occurred).param("recorded", Timestamp.from(events.getFirst().recordedAt()))
                .update();
    }

    /** Month-to-date of many payers at once; payers without usage this month are absent. */
    public java.util.Map<UserId, Long> monthToDates(OrgId org, java.util.Collection<UserId> payers, LocalDate month) {
        if (payers.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("""
                SELECT user_id, credits FROM member_month_usage
                 WHERE org_id = :org AND month = :month AND user_id = ANY(:users)""")
                .param("org", org.value()).param("month", Date.valueOf(month))
                .param("users", payers.stream().map(UserId::value).toArray(UUID[]::new))
                .query((rs, n) -> java.util.Map.entry(new UserId(rs.getObject("user_id", UUID.class)), rs.getLong("credits")))
                .list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                        java.util.Map.Entry::getValue));
    }

    /** Adds each payer's credits and event count of a set of charges to their month row. */
    public void addToMonths(OrgId org, LocalDate month, UUID[] payers, long[] credits, int[] events) {
        jdbc.sql("""
                INSERT INTO member_month_usage (org_id, user_id, month, credits, events)
                SELECT :org, m.usr, :month, m.credits, m.events FROM unnest(:users, :credits, :events) AS m(usr, credits, events)
                ON CONFLICT (org_id, user_id, month)
                DO UPDATE SET credits = member_month_usage.credits + EXCLUDED.credits,
                              events = member_month_usage.events + EXCLUDED.events""")
                .param("org", org.value()).param("month", Date.valueOf(month)).param("users", payers)
                .param("credits", credits).param("events", events)
                .update();
    }

    public long monthToDate(OrgId org, UserId payer, LocalDate month) {
        return jdbc.sql("SELECT credits FROM member_month_usage WHERE org_id = :org AND user_id = :user AND month = :month")
                .param("org", org.value()).param("user", payer.value()).param("month", Date.valueOf(month))
                .query(Long.class).optional().orElse(0L);
    }

    public void addToMonth(OrgId org, UserId payer, LocalDate month, long micros) {
        jdbc.sql("""
                INSERT INTO member_month_usage (org_id, user_id, month, credits, events)
                VALUES (:org, :user, :month, :credits, 1)
                ON CONFLICT (org_id, user_id, month)
                DO UPDATE SET credits = member_month_usage.credits + EXCLUDED.credits,
                              events = member_month_usage.events + 1""")
                .param("org", org.value()).param("user", payer.value()).param("month", Date.valueOf(month))
                .param("credits", micros).update();
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

    /** Credits and event counts per paying member and per workspace, for events recorded in [from, to). */
    public UsageSummary summary(OrgId org, Instant from, Instant to) {
        var byMember = jdbc.sql("""
                SELECT payer_user_id, SUM(credits) AS credits, count(*) AS events FROM usage_event
                 WHERE org_id = :org AND recorded_at >= :from AND recorded_at < :to
                 GROUP BY payer_user_id ORDER BY SUM(credits) DESC, payer_user_id""")
                .param("org", org.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new UsageSummary.MemberTotal(new UserId(rs.getObject("payer_user_id", UUID.class)),
                        new Credits(rs.getLong("credits")), rs.getLong("events")))
                .list();
        var byWorkspace = jdbc.sql("""
                SELECT workspace_id, SUM(credits) AS credits, count(*) AS events FROM usage_event
                 WHERE org_id = :org AND recorded_at >= :from AND recorded_at < :to
                 GROUP BY workspace_id ORDER BY SUM(credits) DESC, workspace_id""")
                .param("org", org.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new UsageSummary.WorkspaceTotal(rs.getString("workspace_id"),
                        new Credits(rs.getLong("credits")), rs.getLong("events")))
                .list();
        return new UsageSummary(byMember, byWorkspace);
    }
}
