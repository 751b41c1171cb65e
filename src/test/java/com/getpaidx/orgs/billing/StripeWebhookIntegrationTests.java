package com.getpaidx.orgs.billing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.StripeEvents;
import com.getpaidx.orgs.support.StripeSignatures;

import static org.assertj.core.api.Assertions.assertThat;

/** Genuinely signed Stripe webhooks over HTTP, through the inbox, into the wallet. */
@IntegrationTest
class StripeWebhookIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired MutableClock clock;

    private String secret() {
        return environment.getProperty("getpaidx.stripe.webhook-secret");
    }

    private record Pending(UUID org, Api.User owner, String topUpId, String sessionId) {
    }

    private Pending pendingTopUp() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = api.post("/api/v1/orgs/" + roster.org() + "/wallet/topups", roster.owner().token(),
                Map.of("packageId", "starter"));
        String checkout = URI.create(topUp.text("checkoutUrl")).getPath();
        return new Pending(roster.org(), roster.owner(), topUp.text("id"),
                checkout.substring(checkout.lastIndexOf('/') + 1));
    }

    private static String paidSession(Pending pending, String paymentIntent) {
        return """
                {"id":"%s","object":"checkout.session","mode":"payment","status":"complete",
                 "payment_status":"paid","client_reference_id":"%s",
                 "metadata":{"org_id":"%s","top_up_id":"%s"},"customer":"cus_test_1",
                 "payment_intent":"%s","amount_total":1000,"currency":"usd"}"""
                .formatted(pending.sessionId(), pending.topUpId(), pending.org(),
                        pending.topUpId(), paymentIntent);
    }

    private Api.Response deliver(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return api.exchange(request.build());
    }

    private Api.Response deliverSigned(String payload) {
        return deliver(payload, StripeSignatures.sign(payload, secret(), clock.instant()));
    }

    private String balance(Pending pending) {
        return api.get("/api/v1/orgs/" + pending.org() + "/wallet", pending.owner().token()).text("balance");
    }

    private long inboxRows(String eventId) {
        return jdbc.sql("SELECT count(*) FROM payment_event WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private static String eventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aSignedCompletedCheckoutGrantsTheCredits() {
        Pending pending = pendingTopUp();
        String id = eventId();
        Api.Response response = deliverSigned(StripeEvents.event(id, "checkout.session.completed",
                StripeEvents.SDK_API_VERSION, paidSession(pending, "pi_test_" + UUID.randomUUID())));
        assertThat(response.status()).isEqualTo(200);
        assertThat(balance(pending)).isEqualTo("1000");
        assertThat(jdbc.sql("SELECT processed_at IS NOT NULL FROM payment_event WHERE event_id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anAsyncPaymentThatSucceedsGrantsToo() {
        Pending pending = pendingTopUp();
        deliverSigned(StripeEvents.event(eventId(), "checkout.session.async_payment_succeeded", "2025-03-31.basil",
                paidSession(pending, "pi_test_" + UUID.randomUUID())));
        assertThat(balance(pending)).isEqualTo("1000");
    }

    @Test
    void aWrongSecretIsRefusedAndNothingIsStored() {
        Pending pending = pendingTopUp();
        String id = eventId();
        String payload = StripeEvents.event(id, "checkout.session.completed", StripeEvents.SDK_API_VERSION,
                paidSession(pending, "pi_test_x"));
        Api.Response response = deliver(payload, StripeSignatures.sign(payload, "whsec_someone_else", clock.instant()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_signature");
        assertThat(inboxRows(id)).isZero();
        assertThat(balance(pending)).isEqualTo("0");
    }

    @Test
    void aStaleOrMissingSignatureIsRefused() {
        Pending pending = pendingTopUp();
        String id = eventId();
        String payload = StripeEvents.event(id, "checkout.session.completed", StripeEvents.SDK_API_VERSION,
                paidSession(pending, "pi_test_x"));
        Instant sixMinutesAgo = clock.instant().minusSeconds(360);
        assertThat(deliver(payload, StripeSignatures.sign(payload, secret(), sixMinutesAgo)).status()).isEqualTo(400);
        assertThat(deliver(payload, null).status()).isEqualTo(400);
        assertThat(inboxRows(id)).isZero();
    }

    @Test
    void theSameEventThreeTimesGrantsOnce() {
        Pending pending = pendingTopUp();
        String id = eventId();
        String payload = StripeEvents.event(id, "checkout.session.completed", StripeEvents.SDK_API_VERSION,
                paidSession(pending, "pi_test_" + UUID.randomUUID()));
        List<Boolean> duplicates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response response = deliverSigned(payload);
            assertThat(response.status()).isEqualTo(200);
            duplicates.add(response.body().get("duplicate").asBoolean());
        }
        assertThat(duplicates).containsExactly(false, true, true);
        assertThat(inboxRows(id)).isOne();
        assertThat(balance(pending)).isEqualTo("1000");
    }

    @Test
    void twoDifferentEventsForOnePaymentGrantOnce() {
        Pending pending = pendingTopUp();
        String intent = "pi_test_" + UUID.randomUUID();
        deliverSigned(StripeEvents.event(eventId(), "checkout.session.completed", StripeEvents.SDK_API_VERSION,
                paidSession(pending, intent)));
        deliverSigned(StripeEvents.event(eventId(), "checkout.session.async_payment_succeeded", StripeEvents.SDK_API_VERSION,
                paidSession(pending, intent)));
        assertThat(balance(pending)).isEqualTo("1000");
    }

    @Test
    void twentyConcurrentDeliveriesOfOneEventGrantOnce() throws Exception {
        Pending pending = pendingTopUp();
        String id = eventId();
        String payload = StripeEvents.event(id, "checkout.session.completed", StripeEvents.SDK_API_VERSION,
                paidSession(pending, "pi_test_" + UUID.randomUUID()));
        String signature = StripeSignatures.sign(payload, secret(), clock.instant());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> deliveries = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                deliveries.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return deliver(payload, signature);
                }, pool));
            }
            start.countDown();
            for (var delivery : deliveries) {
                assertThat(delivery.get().status()).isEqualTo(200);
            }
        }
        assertThat(inboxRows(id)).isOne();
        assertThat(balance(pending)).isEqualTo("1000");
        long grants = jdbc.sql("SELECT count(*) FROM wallet_entry WHERE org_id = :org AND type = 'topup'")
                .param("org", pending.org()).query(Long.class).single();
        assertThat(grants).isOne();
    }

    @Test
    void anExpiredCheckoutMarksTheTopUpExpired() {
        Pending pending = pendingTopUp();
        String session = """
                {"id":"%s","object":"checkout.session","mode":"payment","status":"expired",
                 "payment_status":"unpaid","client_reference_id":"%s","metadata":{},"customer":null,
                 "payment_intent":null,"amount_total":1000,"currency":"usd"}""".formatted(pending.sessionId(),
                pending.topUpId());
        deliverSigned(StripeEvents.event(eventId(), "checkout.session.expired", StripeEvents.SDK_API_VERSION, session));
        var topUp = api.get("/api/v1/orgs/" + pending.org() + "/wallet/topups", pending.owner().token()).body().get("items").get(0);
        assertThat(topUp.get("status").asString()).isEqualTo("expired");
    }

    @Test
    void aRefundByWebhookReversesTheShare() {
        Pending pending = pendingTopUp();
        String intent = "pi_test_" + UUID.randomUUID();
        deliverSigned(StripeEvents.event(eventId(), "checkout.session.completed", StripeEvents.SDK_API_VERSION,
                paidSession(pending, intent)));
        String charge = """
                {"id":"ch_test_1","object":"charge","amount":1000,"amount_refunded":250,"currency":"usd",
                 "payment_intent":"%s","refunded":false}""".formatted(intent);
        deliverSigned(StripeEvents.event(eventId(), "charge.refunded", StripeEvents.SDK_API_VERSION, charge));
        assertThat(balance(pending)).isEqualTo("750");
        // an older event arriving late, with a smaller cumulative refund, changes nothing
        String older = charge.replace("\"amount_refunded\":250", "\"amount_refunded\":100");
        deliverSigned(StripeEvents.event(eventId(), "charge.refunded", StripeEvents.SDK_API_VERSION, older));
        assertThat(balance(pending)).isEqualTo("750");
    }
}
