package com.getpaidx.orgs.billing.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's subscriptions. */
@Repository
@ConditionalOnPaymentSandbox
class JdbcSandboxSubscriptionRepository {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            id, customer_id, status, price_id, quantity, current_period_end, cancel_at_period_end,
            metadata::text AS metadata, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcSandboxSubscriptionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    SandboxSubscription insert(String id, String customerId, String priceId, int quantity, Instant periodEnd,
            Map<String, String> metadata, Instant now) {
        return jdbc.sql("""
                INSERT INTO sandbox_subscription (id, customer_id, status, price_id, quantity, current_period_end,
                       metadata, created_at)
                VALUES (:id, :customer, 'active', :price, :quantity, :periodEnd, CAST(:metadata AS jsonb), :now)
                RETURNING %s""".formatted(COLUMNS))
                .param("id", id).param("customer", customerId).param("price", priceId).param("quantity", quantity)
                .param("periodEnd", Timestamp.from(periodEnd)).param("metadata", json.writeValueAsString(metadata))
                .param("now", Timestamp.from(now))
                .query(this::subscription).single();
    }

    Optional<SandboxSubscription> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_subscription WHERE id = :id")
                .param("id", id).query(this::subscription).optional();
    }

    /** Locks the subscription for a change in this transaction. */
    Optional<SandboxSubscription> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_subscription WHERE id = :id FOR UPDATE")
                .param("id", id).query(this::subscription).optional();
    }

    /** The customer's subscriptions, newest first. */
    List<SandboxSubscription> ofCustomer(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_subscription WHERE customer_id = :customer"
                + " ORDER BY created_at DESC, id")
                .param("customer", customerId).query(this::subscription).list();
    }

    SandboxSubscription update(String id, String status, int quantity, boolean cancelAtPeriodEnd) {
        return jdbc.sql("""
                UPDATE sandbox_subscription SET status = :status, quantity = :quantity,
                       cancel_at_period_end = :cancelAtPeriodEnd
                 WHERE id = :id
                RETURNING %s""".formatted(COLUMNS))
                .param("id", id).param("status", status).param("quantity", quantity)
                .param("cancelAtPeriodEnd", cancelAtPeriodEnd)
                .query(this::subscription).single();
    }

    private SandboxSubscription subscription(ResultSet rs, int row) throws SQLException {
        return new SandboxSubscription(rs.getString("id"), rs.getString("customer_id"), rs.getString("status"),
                rs.getString("price_id"), rs.getInt("quantity"), rs.getTimestamp("current_period_end").toInstant(),
                rs.getBoolean("cancel_at_period_end"), json.readValue(rs.getString("metadata"), METADATA),
                rs.getTimestamp("created_at").toInstant());
    }
}
