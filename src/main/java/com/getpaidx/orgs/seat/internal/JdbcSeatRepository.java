package com.getpaidx.orgs.seat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.seat.AssignmentStatus;
import com.getpaidx.orgs.seat.SeatAssignment;
import com.getpaidx.orgs.seat.SeatSubscription;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** The seat module's tables: each org's seat subscription row and its assignments. */
@Repository
public class JdbcSeatRepository {

    /** The org's row; the subscription fields are null until it has one. */
    public record SubscriptionRow(OrgId orgId, String subscriptionId, String customerId, String status, int quantity,
            Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Long observation) {

        public boolean hasSubscription() {
            return subscriptionId != null;
        }

        public SeatSubscription subscription() {
            return hasSubscription() ? new SeatSubscription(subscriptionId, customerId, status, quantity,
                    currentPeriodEnd, cancelAtPeriodEnd) : null;
        }
    }

    private static final String ROW_COLUMNS = """
            org_id, subscription_id, customer_id, status, quantity, current_period_end, cancel_at_period_end,
            observation""";

    private static final String ASSIGNMENT_ORDER = "ORDER BY assigned_at, user_id";

    private final JdbcClient jdbc;

    JdbcSeatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SubscriptionRow> find(OrgId org) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM seat_subscription WHERE org_id = :org")
                .param("org", org.value()).query(JdbcSeatRepository::row).optional();
    }

    /** Locks the org's row, creating an empty one first if needed: every change to the org's seats waits here. */
    public SubscriptionRow lockOrCreate(OrgId org, Instant now) {
        jdbc.sql("INSERT INTO seat_subscription (org_id, updated_at) VALUES (:org, :now) ON CONFLICT DO NOTHING")
                .param("org", org.value()).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM seat_subscription WHERE org_id = :org FOR UPDATE")
                .param("org", org.value()).query(JdbcSeatRepository::row).single();
    }

    /** Locks the org's row if it has one (an org without one has no assignments either). */
    public Optional<SubscriptionRow> lock(OrgId org) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM seat_subscription WHERE org_id = :org FOR UPDATE")
                .param("org", org.value()).query(JdbcSeatRepository::row).optional();
    }

    /** Reads the row under a shared lock: no subscription update can commit until the caller's transaction ends. */
    public Optional<SubscriptionRow> lockForShare(OrgId org) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM seat_subscription WHERE org_id = :org FOR SHARE")
                .param("org", org.value()).query(JdbcSeatRepository::row).optional();
    }

    public Optional<OrgId> orgOfSubscription(String subscriptionId) {
        return jdbc.sql("SELECT org_id FROM seat_subscription WHERE subscription_id = :id")
                .param("id", subscriptionId).query((rs, n) -> new OrgId(rs.getObject("org_id", UUID.class))).optional();
    }

    public void updateSubscription(OrgId org, SubscriptionState state, long observation, Instant now) {
        jdbc.sql("""
                UPDATE seat_subscription
                   SET subscription_id = :id, customer_id = :customer, status = :status, quantity = :quantity,
                       current_period_end = :periodEnd, cancel_at_period_end = :cancelAtPeriodEnd,
                       observation = :observation, updated_at = :now
                 WHERE org_id = :org""")
                .param("org", org.value()).param("id", state.id()).param("customer", state.customerId())
                .param("status", state.status()).param("quantity", (int) Math.clamp(state.quantity(), 0, Integer.MAX_VALUE))
                .param("periodEnd", state.currentPeriodEnd() == null ? null : Timestamp.from(state.currentPeriodEnd()))
                .param("cancelAtPeriodEnd", state.cancelAtPeriodEnd()).param("observation", observation)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Every assignment of the org, oldest first. */
    public List<SeatAssignment> assignments(OrgId org) {
        return jdbc.sql("SELECT user_id, status, assigned_at FROM seat_assignment WHERE org_id = :org "
                + ASSIGNMENT_ORDER)
                .param("org", org.value()).query(JdbcSeatRepository::assignment).list();
    }

    public Optional<SeatAssignment> assignment(OrgId org, UserId user) {
        return jdbc.sql("SELECT user_id, status, assigned_at FROM seat_assignment WHERE org_id = :org AND user_id = :user")
                .param("org", org.value()).param("user", user.value()).query(JdbcSeatRepository::assignment).optional();
    }

    public int countActive(OrgId org) {
        return jdbc.sql("SELECT count(*) FROM seat_assignment WHERE org_id = :org AND status = 'active'")
                .param("org", org.value()).query(Integer.class).single();
    }

    /** Starts an assignment now: a new one, or a revoked, suspended or ended one made active again. */
    public void activate(OrgId org, UserId user, Instant now) {
        jdbc.sql("""
                INSERT INTO seat_assignment (org_id, user_id, status, assigned_at, changed_at)
                VALUES (:org, :user, 'active', :now, :now)
                ON CONFLICT (org_id, user_id) DO UPDATE SET status = 'active', assigned_at = :now, changed_at = :now""")
                .param("org", org.value()).param("user", user.value()).param("now", Timestamp.from(now)).update();
    }

    /** Changes the status and keeps the assignment's time (a restored seat keeps its place in line). */
    public void setStatus(OrgId org, UserId user, AssignmentStatus status, Instant now) {
        jdbc.sql("UPDATE seat_assignment SET status = :status, changed_at = :now WHERE org_id = :org AND user_id = :user")
                .param("org", org.value()).param("user", user.value()).param("status", status.json())
                .param("now", Timestamp.from(now)).update();
    }

    public Map<UserId, AssignmentStatus> statuses(OrgId org, Collection<UserId> users) {
        Map<UserId, AssignmentStatus> statuses = new HashMap<>();
        if (users.isEmpty()) {
            return statuses;
        }
        jdbc.sql("SELECT user_id, status FROM seat_assignment WHERE org_id = :org AND user_id IN (:users)")
                .param("org", org.value()).param("users", users.stream().map(UserId::value).toList())
                .query((rs, n) -> statuses.put(new UserId(rs.getObject("user_id", UUID.class)),
                        AssignmentStatus.fromJson(rs.getString("status"))))
                .list();
        return statuses;
    }

    /** The orgs giving the user an active seat, in the order they were assigned. */
    public List<OrgId> orgsWithActiveSeat(UserId user) {
        return jdbc.sql("SELECT org_id FROM seat_assignment WHERE user_id = :user AND status = 'active' "
                + "ORDER BY assigned_at, org_id")
                .param("user", user.value()).query((rs, n) -> new OrgId(rs.getObject("org_id", UUID.class))).list();
    }

    private static SubscriptionRow row(ResultSet rs, int n) throws SQLException {
        Timestamp periodEnd = rs.getTimestamp("current_period_end");
        return new SubscriptionRow(new OrgId(rs.getObject("org_id", UUID.class)), rs.getString("subscription_id"),
                rs.getString("customer_id"), rs.getString("status"), rs.getInt("quantity"),
                periodEnd == null ? null : periodEnd.toInstant(), rs.getBoolean("cancel_at_period_end"),
                rs.getObject("observation", Long.class));
    }

    private static SeatAssignment assignment(ResultSet rs, int n) throws SQLException {
        return new SeatAssignment(new UserId(rs.getObject("user_id", UUID.class)),
                AssignmentStatus.fromJson(rs.getString("status")), rs.getTimestamp("assigned_at").toInstant());
    }
}
