package com.getpaidx.orgs.wallet;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;

/**
 * Pending starter top-ups (1000 credits for 10.00 USD) and the Stripe objects a webhook about them carries:
 * their own checkout session, or a stranger's that names them.
 */
final class TopUpCheckouts {

    /** A top-up waiting for its payment, and the checkout session made for it. */
    record Pending(UUID org, Api.User owner, String topUpId, String sessionId) {
    }

    /**
     * A checkout session as {@code checkout.session.completed} carries it; {@link #of} gives the top-up's own,
     * paid in full, and the withers make a stranger's.
     */
    record Session(String id, String mode, String paymentStatus, String clientReferenceId, String topUpIdInMetadata,
            String org, String paymentIntent, long amountTotal, String currency) {

        static Session of(Pending pending, String paymentIntent) {
            return new Session(pending.sessionId(), "payment", "paid", pending.topUpId(), pending.topUpId(),
                    pending.org().toString(), paymentIntent, 1000, "usd");
        }

        Session withId(String other) {
            return new Session(other, mode, paymentStatus, clientReferenceId, topUpIdInMetadata, org, paymentIntent,
                    amountTotal, currency);
        }

        Session withMode(String other) {
            return new Session(id, other, paymentStatus, clientReferenceId, topUpIdInMetadata, org, paymentIntent,
                    amountTotal, currency);
        }

        Session withPaymentStatus(String other) {
            return new Session(id, mode, other, clientReferenceId, topUpIdInMetadata, org, paymentIntent, amountTotal,
                    currency);
        }

        Session withAmount(long other, String otherCurrency) {
            return new Session(id, mode, paymentStatus, clientReferenceId, topUpIdInMetadata, org, paymentIntent, other,
                    otherCurrency);
        }

        /** As a Payment Link opened with {@code ?client_reference_id=…} makes it: no metadata of ours. */
        Session withoutMetadata() {
            return new Session(id, mode, paymentStatus, clientReferenceId, null, null, paymentIntent, amountTotal,
                    currency);
        }

        String json() {
            String metadata = topUpIdInMetadata == null ? "{}"
                    : "{\"org_id\":\"%s\",\"top_up_id\":\"%s\"}".formatted(org, topUpIdInMetadata);
            return """
                    {"id":"%s","object":"checkout.session","mode":"%s","status":"complete","payment_status":"%s",
                     "client_reference_id":"%s","metadata":%s,"customer":"cus_test_1","payment_intent":"%s",
                     "subscription":null,"amount_total":%d,"currency":"%s"}"""
                    .formatted(id, mode, paymentStatus, clientReferenceId, metadata, paymentIntent, amountTotal,
                            currency);
        }
    }

    private final Api api;
    private final Fixtures fixtures;
    private final JdbcClient jdbc;

    TopUpCheckouts(Api api, Fixtures fixtures, JdbcClient jdbc) {
        this.api = api;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    Pending pending() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = api.post("/api/v1/orgs/" + roster.org() + "/wallet/topups", roster.owner().token(),
                Map.of("packageId", "starter"));
        String path = URI.create(topUp.text("checkoutUrl")).getPath();
        return new Pending(roster.org(), roster.owner(), topUp.text("id"), path.substring(path.lastIndexOf('/') + 1));
    }

    static String paymentIntent() {
        return "pi_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A charge of the top-up's payment as {@code charge.refunded} carries it, with the metadata Checkout copies. */
    static String refundedCharge(Pending pending, String paymentIntent, long amount, long refunded) {
        return """
                {"id":"ch_test_%s","object":"charge","amount":%d,"amount_refunded":%d,"currency":"usd",
                 "payment_intent":"%s","refunded":%s,"metadata":{"org_id":"%s","top_up_id":"%s"}}"""
                .formatted(paymentIntent.substring("pi_test_".length()), amount, refunded, paymentIntent,
                        refunded >= amount, pending.org(), pending.topUpId());
    }

    String balance(Pending pending) {
        return api.get("/api/v1/orgs/" + pending.org() + "/wallet", pending.owner().token()).text("balance");
    }

    String status(Pending pending) {
        return jdbc.sql("SELECT status FROM top_up WHERE id = CAST(:id AS uuid)").param("id", pending.topUpId())
                .query(String.class).single();
    }

    boolean processed(String eventId) {
        return jdbc.sql("SELECT processed_at IS NOT NULL FROM payment_event WHERE event_id = :id").param("id", eventId)
                .query(Boolean.class).single();
    }

    long audited(Pending pending, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = :org AND action = :action")
                .param("org", pending.org()).param("action", action).query(Long.class).single();
    }

    /** The {@code after} of the org's newest audit row of {@code action}, as JSON text. */
    String lastAudit(Pending pending, String action) {
        return jdbc.sql("""
                SELECT after::text FROM audit_event WHERE org_id = :org AND action = :action
                 ORDER BY created_at DESC LIMIT 1""")
                .param("org", pending.org()).param("action", action).query(String.class).single();
    }
}
