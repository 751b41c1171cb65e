package com.getpaidx.orgs.wallet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.Money;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.wallet.TopUp;
import com.getpaidx.orgs.wallet.TopUpPackage;
import com.getpaidx.orgs.wallet.TopUpStatus;

@Repository
public class JdbcTopUpRepository {

    /** What a refund needs beyond the top-up itself; {@code paymentIntentId} is null until it is paid. */
    public record RefundState(TopUp topUp, String paymentIntentId, long creditsReversed, long creditsUnrecovered) {
    }

    private static final String COLUMNS = """
            id, org_id, package_id, credits, amount_minor, currency, status, checkout_session_id, checkout_url,
            refunded_minor, created_at, paid_at, credits_reversed, credits_unrecovered""";

    private final JdbcClient jdbc;

    JdbcTopUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this org already used the idempotency key (the unique constraint decides). */
    public boolean insert(UUID id, OrgId org, TopUpPackage pack, String idempotencyKey, UserId requestedBy, Instant now) {
        return jdbc.sql("""
                INSERT INTO top_up (id, org_id, package_id, credits, amount_minor, currency, status, idempotency_key,
                                    requested_by, created_at)
                VALUES (:id, :org, :package, :credits, :amount, :currency, 'pending', :key, :by, :now)
                ON CONFLICT (org_id, idempotency_key) DO NOTHING""")
                .param("id", id).param("org", org.value()).param("package", pack.id())
                .param("credits", pack.credits().micros()).param("amount", pack.price().amountMinor())
                .param("currency", pack.price().currency()).param("key", idempotencyKey)
                .param("by", requestedBy.value()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public Optional<TopUp> findByKey(OrgId org, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM top_up WHERE org_id = :org AND idempotency_key = :key")
                .param("org", org.value()).param("key", idempotencyKey).query(JdbcTopUpRepository::map).optional();
    }

    public Optional<TopUp> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM top_up WHERE org_id = :org AND id = :id")
                .param("org", org.value()).param("id", id).query(JdbcTopUpRepository::map).optional();
    }

    public Optional<TopUp> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM top_up WHERE id = :id FOR UPDATE")
                .param("id", id).query(JdbcTopUpRepository::map).optional();
    }

    public Optional<RefundState> lockByPaymentIntent(String paymentIntentId) {
        return jdbc.sql("SELECT " + COLUMNS + ", payment_intent_id FROM top_up WHERE payment_intent_id = :pi FOR UPDATE")
                .param("pi", paymentIntentId).query(JdbcTopUpRepository::refundState).optional();
    }

    public Optional<RefundState> lockForRefund(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", payment_intent_id FROM top_up WHERE id = :id FOR UPDATE")
                .param("id", id).query(JdbcTopUpRepository::refundState).optional();
    }

    /** Keeps the first checkout only: a retried start never replaces a session the payer may already be on. */
    public void attachCheckout(UUID id, String sessionId, String url) {
        jdbc.sql("""
                UPDATE top_up SET checkout_session_id = :session, checkout_url = :url
                 WHERE id = :id AND checkout_session_id IS NULL""")
                .param("id", id).param("session", sessionId).param("url", url).update();
    }

    public void markPaid(UUID id, String paymentIntentId, Instant now) {
        jdbc.sql("""
                UPDATE top_up SET status = 'paid', paid_at = :now, payment_intent_id = COALESCE(:pi, payment_intent_id)
                 WHERE id = :id""")
                .param("id", id).param("pi", paymentIntentId).param("now", Timestamp.from(now)).update();
    }

    public void markExpired(UUID id) {
        jdbc.sql("UPDATE top_up SET status = 'expired' WHERE id = :id AND status = 'pending'").param("id", id).update();
    }

    public void recordRefund(UUID id, long refundedMinor, long reversed, long unrecovered, TopUpStatus status) {
        jdbc.sql("""
                UPDATE top_up SET refunded_minor = :refunded, credits_reversed = :reversed,
                                  credits_unrecovered = :unrecovered, status = :status
                 WHERE id = :id""")
                .param("id", id).param("refunded", refundedMinor).param("reversed", reversed)
                .param("unrecovered", unrecovered).param("status", status.json()).update();
    }

    public List<TopUp> page(OrgId org, PageRequest request) {
        return jdbc.sql("""
                SELECT %s FROM top_up
                 WHERE org_id = :org
                   AND (CAST(:afterTime AS timestamptz) IS NULL
                        OR (created_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit""".formatted(COLUMNS))
                .param("org", org.value())
                .param("afterTime", request.afterTime() == null ? null : Timestamp.from(request.afterTime()))
                .param("afterId", request.afterId())
                .param("limit", request.fetchSize())
                .query(JdbcTopUpRepository::map).list();
    }

    private static RefundState refundState(ResultSet rs, int row) throws SQLException {
        return new RefundState(map(rs, row), rs.getString("payment_intent_id"), rs.getLong("credits_reversed"),
                rs.getLong("credits_unrecovered"));
    }

    private static TopUp map(ResultSet rs, int row) throws SQLException {
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new TopUp(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
                rs.getString("package_id"), new Credits(rs.getLong("credits")),
                new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                TopUpStatus.fromJson(rs.getString("status")), rs.getString("checkout_session_id"),
                rs.getString("checkout_url"), rs.getLong("refunded_minor"), rs.getTimestamp("created_at").toInstant(),
                paidAt == null ? null : paidAt.toInstant());
    }
}
