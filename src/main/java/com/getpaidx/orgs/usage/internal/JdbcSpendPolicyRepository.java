package com.getpaidx.orgs.usage.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.SpendPolicy;
import com.getpaidx.orgs.usage.Spenders;

@Repository
public class JdbcSpendPolicyRepository {

    private final JdbcClient jdbc;

    JdbcSpendPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The org's policy; the default until someone saves one. */
    public SpendPolicy find(OrgId org) {
        return jdbc.sql("""
                SELECT spenders, selected_user_ids, member_monthly_limit, paused, low_balance_threshold
                  FROM spend_policy WHERE org_id = :org""")
                .param("org", org.value()).query(JdbcSpendPolicyRepository::map).optional()
                .orElse(SpendPolicy.DEFAULT);
    }

    /**
     * Holds a shared lock on the org's policy row until the transaction ends, writing the default policy first when
     * none was saved yet, so that a policy change (which writes that row) waits for the caller's commit and its
     * reset then sees what the caller did; a change that came first is seen by the caller's next read.
     */
    public void lockForShare(OrgId org, Instant now) {
        jdbc.sql("""
                INSERT INTO spend_policy (org_id, spenders, updated_at) VALUES (:org, :spenders, :now)
                ON CONFLICT (org_id) DO NOTHING""")
                .param("org", org.value()).param("spenders", SpendPolicy.DEFAULT.spenders().json())
                .param("now", Timestamp.from(now)).update();
        jdbc.sql("SELECT org_id FROM spend_policy WHERE org_id = :org FOR SHARE").param("org", org.value())
                .query(UUID.class).single();
    }

    public void save(OrgId org, SpendPolicy policy, Instant now) {
        jdbc.sql("""
                INSERT INTO spend_policy (org_id, spenders, selected_user_ids, member_monthly_limit, paused,
                                          low_balance_threshold, updated_at)
                VALUES (:org, :spenders, :selected, :limit, :paused, :threshold, :now)
                ON CONFLICT (org_id) DO UPDATE SET spenders = EXCLUDED.spenders,
                    selected_user_ids = EXCLUDED.selected_user_ids, member_monthly_limit = EXCLUDED.member_monthly_limit,
                    paused = EXCLUDED.paused, low_balance_threshold = EXCLUDED.low_balance_threshold,
                    updated_at = EXCLUDED.updated_at""")
                .param("org", org.value()).param("spenders", policy.spenders().json())
                .param("selected", policy.selectedUserIds().stream().map(UserId::value).toArray(UUID[]::new))
                .param("limit", micros(policy.memberMonthlyLimit())).param("paused", policy.paused())
                .param("threshold", micros(policy.lowBalanceThreshold())).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Takes {@code user} off the org's selected spenders, in one statement (a policy change committing meanwhile is
     * kept); the selection left, or empty when the user was not on it.
     */
    public Optional<Set<UserId>> deselect(OrgId org, UserId user, Instant now) {
        return jdbc.sql("""
                UPDATE spend_policy SET selected_user_ids = array_remove(selected_user_ids, :user), updated_at = :now
                 WHERE org_id = :org AND :user = ANY (selected_user_ids)
                RETURNING selected_user_ids""")
                .param("org", org.value()).param("user", user.value()).param("now", Timestamp.from(now))
                .query((rs, n) -> Arrays.stream((UUID[]) rs.getArray(1).getArray()).map(UserId::new)
                        .collect(Collectors.toSet()))
                .optional();
    }

    private static Long micros(Credits credits) {
        return credits == null ? null : credits.micros();
    }

    private static SpendPolicy map(ResultSet rs, int row) throws SQLException {
        Array selected = rs.getArray("selected_user_ids");
        var users = Arrays.stream((UUID[]) selected.getArray()).map(UserId::new).collect(Collectors.toSet());
        long limit = rs.getLong("member_monthly_limit");
        Credits monthlyLimit = rs.wasNull() ? null : new Credits(limit);
        long threshold = rs.getLong("low_balance_threshold");
        Credits lowBalance = rs.wasNull() ? null : new Credits(threshold);
        return new SpendPolicy(Spenders.fromJson(rs.getString("spenders")), users, monthlyLimit, rs.getBoolean("paused"),
                lowBalance);
    }
}
