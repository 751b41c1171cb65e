package com.getpaidx.orgs.billing.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.TopUpCheckout;

/** The sandbox's customers, checkout sessions and charges. */
@Repository
@ConditionalOnPaymentSandbox
class JdbcSandboxCheckoutRepository {

    /** A paid session's charge; {@code amountRefundedMinor} is the cumulative refunded amount. */
    /** @param metadata what Stripe copies onto a charge: its payment intent's, here the session's */
    record Charge(String id, String paymentIntentId, long amountMinor, long amountRefundedMinor, String currency,
            Map<String, String> metadata) {
    }

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private static final String SESSION_COLUMNS = """
            id, mode, customer_id, status, payment_status, client_reference_id, metadata::text AS metadata,
            amount_minor, currency, product_name, payment_intent, quantity, price_id, subscription_id, success_url,
            cancel_url, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcSandboxCheckoutRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The customer created under this idempotency key, created now if the key is new. */
    String createCustomer(NewCustomer customer, Instant now) {
        jdbc.sql("""
                INSERT INTO sandbox_customer (id, org_id, name, idempotency_key, created_at)
                VALUES (:id, :org, :name, :key, :now)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", SandboxIds.customer()).param("org", customer.orgId().value()).param("name", customer.name())
                .param("key", customer.idempotencyKey()).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT id FROM sandbox_customer WHERE idempotency_key = :key")
                .param("key", customer.idempotencyKey()).query(String.class).single();
    }

    /** The open payment-mode session created under this idempotency key, created now if the key is new. */
    String createTopUpSession(TopUpCheckout checkout, Map<String, String> metadata, Instant now) {
        jdbc.sql("""
                INSERT INTO sandbox_checkout_session (id, org_id, mode, customer_id, status, payment_status,
                       client_reference_id, metadata, amount_minor, currency, product_name, success_url, cancel_url,
                       idempotency_key, created_at)
                VALUES (:id, :org, 'payment', :customer, 'open', 'unpaid', :reference, CAST(:metadata AS jsonb),
                       :amount, :currency, :product, :success, :cancel, :key, :now)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", SandboxIds.checkoutSession()).param("org", checkout.orgId().value())
                .param("customer", checkout.customerId()).param("reference", checkout.topUpId().toString())
                .param("metadata", json.writeValueAsString(metadata)).param("amount", checkout.amountMinor())
                .param("currency", checkout.currency()).param("product", checkout.productName())
                .param("success", checkout.successUrl()).param("cancel", checkout.cancelUrl())
                .param("key", checkout.idempotencyKey()).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT id FROM sandbox_checkout_session WHERE idempotency_key = :key")
                .param("key", checkout.idempotencyKey()).query(String.class).single();
    }

    /** The open subscription-mode session created under this idempotency key, created now if the key is new. */
    String createSeatSession(SeatCheckout checkout, String priceId, Map<String, String> metadata, long amountMinor,
            String currency, Instant now) {
        jdbc.sql("""
                INSERT INTO sandbox_checkout_session (id, org_id, mode, customer_id, status, payment_status,
                       client_reference_id, metadata, amount_minor, currency, product_name, quantity, price_id,
                       success_url, cancel_url, idempotency_key, created_at)
                VALUES (:id, :org, 'subscription', :customer, 'open', 'unpaid', :reference, CAST(:metadata AS jsonb),
                       :amount, :currency, :product, :quantity, :price, :success, :cancel, :key, :now)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", SandboxIds.checkoutSession()).param("org", checkout.orgId().value())
                .param("customer", checkout.customerId()).param("reference", checkout.orgId().value().toString())
                .param("metadata", json.writeValueAsString(metadata)).param("amount", amountMinor)
                .param("currency", currency).param("product", "Pro seat").param("quantity", checkout.quantity())
                .param("price", priceId).param("success", checkout.successUrl()).param("cancel", checkout.cancelUrl())
                .param("key", checkout.idempotencyKey()).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT id FROM sandbox_checkout_session WHERE idempotency_key = :key")
                .param("key", checkout.idempotencyKey()).query(String.class).single();
    }

    /** Remembers where the customer's billing portal links back to; false for an unknown customer. */
    boolean setPortalReturnUrl(String customerId, String returnUrl) {
        return jdbc.sql("UPDATE sandbox_customer SET portal_return_url = :url WHERE id = :id")
                .param("id", customerId).param("url", returnUrl).update() == 1;
    }

    /** The customer's name and portal return URL, if the sandbox knows the customer. */
    Optional<Customer> customer(String customerId) {
        return jdbc.sql("SELECT id, name, portal_return_url FROM sandbox_customer WHERE id = :id")
                .param("id", customerId)
                .query((rs, n) -> new Customer(rs.getString("id"), rs.getString("name"), rs.getString("portal_return_url")))
                .optional();
    }

    record Customer(String id, String name, String portalReturnUrl) {
    }

    Optional<SandboxSession> find(String sessionId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM sandbox_checkout_session WHERE id = :id")
                .param("id", sessionId).query(this::session).optional();
    }

    /**
     * Pays an open session; empty when it is not open (already paid, expired) or unknown. A payment-mode
     * session gets the payment intent, a subscription-mode one the subscription.
     */
    Optional<SandboxSession> complete(String sessionId, String paymentIntentId, String subscriptionId) {
        return jdbc.sql("""
                UPDATE sandbox_checkout_session
                   SET status = 'complete', payment_status = 'paid',
                       payment_intent = CASE WHEN mode = 'payment' THEN :intent END,
                       subscription_id = CASE WHEN mode = 'subscription' THEN :subscription END
                 WHERE id = :id AND status = 'open'
                RETURNING %s""".formatted(SESSION_COLUMNS))
                .param("id", sessionId).param("intent", paymentIntentId).param("subscription", subscriptionId)
                .query(this::session).optional();
    }

    /** Expires an open session; empty when it is not open or unknown. */
    Optional<SandboxSession> expire(String sessionId) {
        return jdbc.sql("""
                UPDATE sandbox_checkout_session SET status = 'expired'
                 WHERE id = :id AND status = 'open'
                RETURNING %s""".formatted(SESSION_COLUMNS))
                .param("id", sessionId).query(this::session).optional();
    }

    void insertCharge(SandboxSession paid, Instant now) {
        jdbc.sql("""
                INSERT INTO sandbox_charge (id, payment_intent, amount_minor, currency, created_at)
                VALUES (:id, :intent, :amount, :currency, :now)""")
                .param("id", SandboxIds.charge()).param("intent", paid.paymentIntentId())
                .param("amount", paid.amountMinor()).param("currency", paid.currency()).param("now", Timestamp.from(now))
                .update();
    }

    /** The charge of the newest paid payment-mode session whose client reference is this top-up. */
    Optional<Charge> chargeForTopUp(String topUpId) {
        return jdbc.sql("""
                SELECT c.id, c.payment_intent, c.amount_minor, c.amount_refunded_minor, c.currency,
                       s.metadata::text AS metadata
                  FROM sandbox_checkout_session s JOIN sandbox_charge c ON c.payment_intent = s.payment_intent
                 WHERE s.client_reference_id = :reference AND s.mode = 'payment' AND s.payment_status = 'paid'
                 ORDER BY s.created_at DESC LIMIT 1""")
                .param("reference", topUpId).query(this::charge).optional();
    }

    /** Refunds {@code amountMinor} more; empty when that would take the total past the charge's amount. */
    Optional<Charge> refund(String chargeId, long amountMinor) {
        return jdbc.sql("""
                UPDATE sandbox_charge SET amount_refunded_minor = amount_refunded_minor + :amount
                 WHERE id = :id AND :amount <= amount_minor - amount_refunded_minor
                RETURNING id, payment_intent, amount_minor, amount_refunded_minor, currency,
                          (SELECT s.metadata::text FROM sandbox_checkout_session s
                            WHERE s.payment_intent = sandbox_charge.payment_intent) AS metadata""")
                .param("id", chargeId).param("amount", amountMinor)
                .query(this::charge).optional();
    }

    private SandboxSession session(ResultSet rs, int row) throws SQLException {
        return new SandboxSession(rs.getString("id"), rs.getString("mode"), rs.getString("customer_id"),
                rs.getString("status"), rs.getString("payment_status"), rs.getString("client_reference_id"),
                json.readValue(rs.getString("metadata"), METADATA), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getString("product_name"), rs.getString("payment_intent"), rs.getObject("quantity", Integer.class),
                rs.getString("price_id"), rs.getString("subscription_id"), rs.getString("success_url"),
                rs.getString("cancel_url"), rs.getTimestamp("created_at").toInstant());
    }

    private Charge charge(ResultSet rs, int row) throws SQLException {
        return new Charge(rs.getString("id"), rs.getString("payment_intent"), rs.getLong("amount_minor"),
                rs.getLong("amount_refunded_minor"), rs.getString("currency"),
                json.readValue(rs.getString("metadata"), METADATA));
    }
}
