package com.getpaidx.orgs.billing.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.sandbox.SandboxCheckouts.Checkout;
import com.getpaidx.orgs.billing.sandbox.SandboxCheckouts.InboxRow;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sandbox's test API, which stands in for what a customer and Stripe would do: completing a session pays it and
 * sends one event through the inbox, a redelivered event is a duplicate there, an expired session cannot be paid and
 * a completed one cannot expire; refunds add up and never pass the amount paid, and only a paid top-up is refunded;
 * unknown ids are not found, and the event log pages newest first. The provider's side and the hosted checkout page
 * are in {@link SandboxCheckoutIntegrationTests}.
 */
@IntegrationTest
class SandboxTestApiIntegrationTests {

    @Autowired PaymentProvider provider;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    private SandboxCheckouts checkouts;

    @BeforeEach
    void setUp() {
        checkouts = new SandboxCheckouts(provider, api, jdbc);
    }

    private Api.Response complete(String sessionId) {
        return api.post("/sandbox/api/checkout-sessions/" + sessionId + "/complete", null, null);
    }

    private Api.Response expire(String sessionId) {
        return api.post("/sandbox/api/checkout-sessions/" + sessionId + "/expire", null, null);
    }

    private Api.Response refund(UUID topUpId, long amountMinor) {
        return api.post("/sandbox/api/charges/refund", null, Map.of("topUpId", topUpId, "amountMinor", amountMinor));
    }

    private static Instant createdAt(JsonNode event) {
        return Instant.parse(event.get("createdAt").asString());
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void completingPaysTheSessionAndSendsOneEventThroughTheInbox() {
        Checkout checkout = checkouts.newCheckout(1250);

        Api.Response completed = complete(checkout.id());

        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("complete");
        assertThat(completed.text("paymentStatus")).isEqualTo("paid");
        String paymentIntent = completed.text("paymentIntentId");
        assertThat(paymentIntent).startsWith("pi_sbx_");
        List<JsonNode> events = checkouts.eventsAbout(checkout.id());
        assertThat(events).hasSize(1);
        JsonNode event = events.getFirst();
        assertThat(event.get("id").asString()).startsWith("evt_sbx_");
        assertThat(event.get("type").asString()).isEqualTo("checkout.session.completed");
        assertThat(event.get("createdAt").asString()).isNotBlank();
        assertThat(event.at("/data/session/paymentStatus").asString()).isEqualTo("paid");
        assertThat(event.at("/data/session/paymentIntentId").asString()).isEqualTo(paymentIntent);
        assertThat(checkouts.inbox(checkout.id())).containsExactly(
                new InboxRow(event.get("id").asString(), "sandbox", "checkout.session.completed", true));

        Api.Response again = complete(checkout.id());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("paymentIntentId")).isEqualTo(paymentIntent);
        assertThat(checkouts.eventsAbout(checkout.id())).hasSize(1);
        assertThat(checkouts.inbox(checkout.id())).hasSize(1);
    }

    @Test
    void aRedeliveredEventIsADuplicateForTheInbox() {
        Checkout checkout = checkouts.newCheckout(1250);
        complete(checkout.id());
        String eventId = checkouts.eventsAbout(checkout.id()).getFirst().get("id").asString();

        Api.Response redelivered = api.post("/sandbox/api/events/" + eventId + "/redeliver", null, null);

        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(redelivered.text("eventId")).isEqualTo(eventId);
        assertThat(redelivered.body().get("duplicate").asBoolean()).isTrue();
        assertThat(checkouts.inbox(checkout.id())).extracting(InboxRow::eventId).containsExactly(eventId);
    }

    @Test
    void expiringAnOpenSessionSendsAnEventAndThenItCannotBePaid() {
        Checkout checkout = checkouts.newCheckout(1250);

        Api.Response expired = expire(checkout.id());

        assertThat(expired.status()).as(expired.toString()).isEqualTo(200);
        assertThat(expired.text("status")).isEqualTo("expired");
        assertThat(expired.text("paymentStatus")).isEqualTo("unpaid");
        assertThat(checkouts.eventsAbout(checkout.id())).extracting(event -> event.get("type").asString())
                .containsExactly("checkout.session.expired");
        assertThat(checkouts.inbox(checkout.id())).extracting(InboxRow::type, InboxRow::processed)
                .containsExactly(tuple("checkout.session.expired", true));
        assertThat(expire(checkout.id()).status()).isEqualTo(200);
        assertThat(checkouts.eventsAbout(checkout.id())).hasSize(1);
        assertProblem(complete(checkout.id()), 409, "checkout_expired");
        assertThat(checkouts.page("/sandbox/checkout/" + checkout.id(), null).body())
                .contains("This checkout has expired").doesNotContain(">Pay</button>");
    }

    @Test
    void aCompletedSessionCannotExpire() {
        Checkout checkout = checkouts.newCheckout(1250);
        complete(checkout.id());

        assertProblem(expire(checkout.id()), 409, "checkout_completed");
        assertThat(provider.fetchCheckout(checkout.id()).orElseThrow().status()).isEqualTo("complete");
    }

    @Test
    void refundsAddUpAndNeverPassTheAmountPaid() {
        Checkout checkout = checkouts.newCheckout(1250);
        String paymentIntent = complete(checkout.id()).text("paymentIntentId");

        assertProblem(refund(checkout.topUpId(), 1251), 400, "validation_failed");
        Api.Response part = refund(checkout.topUpId(), 500);
        assertProblem(refund(checkout.topUpId(), Long.MAX_VALUE), 400, "validation_failed"); // no overflow past 500
        Api.Response rest = refund(checkout.topUpId(), 750);
        Api.Response over = refund(checkout.topUpId(), 1);

        assertThat(part.status()).as(part.toString()).isEqualTo(200);
        assertThat(part.body().get("amountRefundedMinor").asLong()).isEqualTo(500);
        assertThat(part.text("chargeId")).startsWith("ch_sbx_");
        assertThat(rest.body().get("amountRefundedMinor").asLong()).isEqualTo(1250);
        assertProblem(over, 400, "validation_failed");
        assertThat(over.body().get("errors").get(0).get("field").asString()).isEqualTo("amountMinor");
        List<JsonNode> refunds = checkouts.eventsAbout(paymentIntent).reversed();
        assertThat(refunds).extracting(event -> event.get("type").asString())
                .containsExactly("charge.refunded", "charge.refunded");
        assertThat(refunds).extracting(event -> event.at("/data/amountRefundedMinor").asLong()).containsExactly(500L, 1250L);
        assertThat(refunds).allSatisfy(event -> {
            assertThat(event.at("/data/amountMinor").asLong()).isEqualTo(1250);
            assertThat(event.at("/data/currency").asString()).isEqualTo("eur");
            // as Stripe copies the payment intent's metadata onto its charge: a refund names its top-up
            assertThat(event.at("/data/metadata/top_up_id").asString()).isEqualTo(checkout.topUpId().toString());
        });
        assertThat(checkouts.inbox(paymentIntent)).extracting(InboxRow::eventId)
                .containsExactly(part.text("eventId"), rest.text("eventId"));
    }

    @Test
    void onlyAPaidTopUpCanBeRefunded() {
        Checkout unpaid = checkouts.newCheckout(1250);

        assertProblem(refund(unpaid.topUpId(), 100), 404, "charge_not_found");
        assertProblem(refund(UUID.randomUUID(), 100), 404, "charge_not_found");
        assertProblem(refund(unpaid.topUpId(), 0), 400, "validation_failed");
        assertProblem(api.post("/sandbox/api/charges/refund", null, Map.of("topUpId", unpaid.topUpId())), 400,
                "validation_failed");
        assertProblem(api.post("/sandbox/api/charges/refund", null,
                Map.of("topUpId", unpaid.topUpId(), "amountMinor", 1, "reason", "duplicate")), 400, "validation_failed");
    }

    @Test
    void unknownIdsAreNotFound() {
        assertProblem(complete("cs_sbx_unknown"), 404, "checkout_not_found");
        assertProblem(expire("cs_sbx_unknown"), 404, "checkout_not_found");
        assertProblem(api.post("/sandbox/api/events/evt_sbx_" + "0".repeat(32) + "/redeliver", null, null), 404,
                "event_not_found");
        assertProblem(api.post("/sandbox/api/events/evt_unknown/redeliver", null, null), 404, "event_not_found");
    }

    @Test
    void theEventLogPagesNewestFirst() {
        for (int i = 0; i < 3; i++) {
            complete(checkouts.newCheckout(100).id());
        }

        Api.Response first = api.get("/sandbox/api/events?limit=2", null);
        Api.Response second = api.get("/sandbox/api/events?limit=2&cursor=" + first.text("nextCursor"), null);

        List<JsonNode> items = StreamSupport.stream(first.body().get("items").spliterator(), false).toList();
        assertThat(items).hasSize(2);
        assertThat(createdAt(items.get(0))).isAfterOrEqualTo(createdAt(items.get(1)));
        JsonNode next = second.body().get("items").get(0);
        assertThat(createdAt(next)).isBeforeOrEqualTo(createdAt(items.get(1)));
        assertThat(next.get("id").asString()).isNotIn(items.get(0).get("id").asString(), items.get(1).get("id").asString());
        assertThat(api.get("/sandbox/api/events", null).body().get("items").get(0).get("id").asString())
                .isEqualTo(items.get(0).get("id").asString());
    }
}
