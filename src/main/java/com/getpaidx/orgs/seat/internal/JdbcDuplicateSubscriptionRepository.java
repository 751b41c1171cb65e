package com.getpaidx.orgs.seat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.shared.OrgId;

/**
 * Seat subscriptions an org holds beside its own: live ones (two checkouts paid) and ended ones that are not, or no
 * longer, its own, each with the last look at it. Callers hold the org's seat row lock, so a read followed by a
 * write here sees no other writer.
 */
@Repository
public class JdbcDuplicateSubscriptionRepository {

    private static final String COLUMNS = """
            org_id, subscription_id, customer_id, status, quantity, current_period_end, cancel_at_period_end,
            observation""";

    private final JdbcClient jdbc;

    JdbcDuplicateSubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<JdbcSeatRepository.SubscriptionRow> find(String subscriptionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seat_duplicate_subscription WHERE subscription_id = :id")
                .param("id", subscriptionId).query(JdbcDuplicateSubscriptionRepository::row).optional();
    }

    /** The org's duplicates, oldest first (the first live one takes the place of an org's ended subscription). */
    public List<JdbcSeatRepository.SubscriptionRow> ofOrg(OrgId org) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seat_duplicate_subscription WHERE org_id = :org "
                + "ORDER BY observation, subscription_id")
                .param("org", org.value()).query(JdbcDuplicateSubscriptionRepository::row).list();
    }

    public void save(OrgId org, SubscriptionState state, long observation, Instant now) {
        jdbc.sql("""
                INSERT INTO seat_duplicate_subscription (subscription_id, org_id, customer_id, status, quantity,
                       current_period_end, cancel_at_period_end, observation, updated_at)
                VALUES (:id, :org, :customer, :status, :quantity, :periodEnd, :cancelAtPeriodEnd, :observation, :now)
                ON CONFLICT (org_id, subscription_id) DO UPDATE
                   SET customer_id = :customer, status = :status, quantity = :quantity,
                       current_period_end = :periodEnd, cancel_at_period_end = :cancelAtPeriodEnd,
                       observation = :observation, updated_at = :now""")
                .param("org", org.value()).param("id", state.id()).param("customer", state.customerId())
                .param("status", state.status()).param("quantity", (int) Math.clamp(state.quantity(), 0, Integer.MAX_VALUE))
                .param("periodEnd", state.currentPeriodEnd() == null ? null : Timestamp.from(state.currentPeriodEnd()))
                .param("cancelAtPeriodEnd", state.cancelAtPeriodEnd()).param("observation", observation)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void delete(String subscriptionId) {
        jdbc.sql("DELETE FROM seat_duplicate_subscription WHERE subscription_id = :id").param("id", subscriptionId)
                .update();
    }

    private static JdbcSeatRepository.SubscriptionRow row(ResultSet rs, int n) throws SQLException {
        Timestamp periodEnd = rs.getTimestamp("current_period_end");
        return new JdbcSeatRepository.SubscriptionRow(new OrgId(rs.getObject("org_id", UUID.class)),
                rs.getString("subscription_id"), rs.getString("customer_id"), rs.getString("status"),
                rs.getInt("quantity"), periodEnd == null ? null : periodEnd.toInstant(),
                rs.getBoolean("cancel_at_period_end"), rs.getObject("observation", Long.class));
    }
}
