package com.getpaidx.orgs.billing.sandbox;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox sells seats as Stripe does: subscription-mode checkout, subscriptions, a billing portal. */
@IntegrationTest
class SandboxSubscriptionIntegrationTests {

    @Autowired PaymentProvider provider;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    private SandboxCheckouts checkouts;

    @BeforeEach
    void setUp() {
        checkouts = new SandboxCheckouts(provider, api, jdbc);
    }

    private record Seats(OrgId org, String customerId, HostedCheckout hosted) {

        String sessionId() {
            return hosted.sessionId();
        }
    }

    private Seats newSeatCheckout(int quantity) {
        OrgId org = new OrgId(UUID.randomUUID());
        String customer = provider.createCustomer(new NewCustomer(org, "Difference Engines", "customer-" + org));
        String page = "http://localhost/settings/organizations/" + org.value();
        HostedCheckout hosted = provider.createSeatCheckout(new SeatCheckout(customer, org, null, quantity,
                page + "/seats/checkout/return?session_id={CHECKOUT_SESSION_ID}", page + "?seats=cancelled",
                "seat-checkout-" + org));
        return new Seats(org, customer, hosted);
    }

    private String paidSubscription(int quantity) {
        Seats seats = newSeatCheckout(quantity);
        return api.post("/sandbox/api/checkout-sessions/" + seats.sessionId() + "/complete", null, null)
                .text("subscriptionId");
    }

    private Api.Response change(String subscriptionId, Map<String, Object> change) {
        return api.post("/sandbox/api/subscriptions/" + subscriptionId, null, change);
    }

    /** The sandbox's events about one subscription or checkout session, oldest first. */
    private List<JsonNode> eventsAbout(String subscriptionOrSession) {
        Api.Response events = api.get("/sandbox/api/events?limit=200", null);
        return StreamSupport.stream(events.body().get("items").spliterator(), false)
                .filter(event -> subscriptionOrSession.equals(SandboxCheckouts.text(event, "/data/subscriptionId"))
                        || subscriptionOrSession.equals(SandboxCheckouts.text(event, "/data/session/sessionId")))
                .toList().reversed();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asString()).toList();
    }

    private boolean inInbox(String eventId) {
        return jdbc.sql("SELECT count(*) FROM payment_event WHERE event_id = :id AND processed_at IS NOT NULL")
                .param("id", eventId).query(Long.class).single() == 1;
    }

    @Test
    void aSeatCheckoutIsASubscriptionModeSessionPricedPerSeat() {
        Seats seats = newSeatCheckout(3);

        CheckoutState state = provider.fetchCheckout(seats.sessionId()).orElseThrow();

        assertThat(state.mode()).isEqualTo("subscription");
        assertThat(state.status()).isEqualTo("open");
        assertThat(state.clientReferenceId()).isEqualTo(seats.org().value().toString());
        assertThat(state.metadata()).isEqualTo(Map.of("org_id", seats.org().value().toString(), "kind", "seats"));
        assertThat(state.amountTotalMinor()).isEqualTo(3 * 1200L);
        assertThat(state.subscriptionId()).isNull();
        assertThat(seats.hosted().url()).endsWith("/sandbox/checkout/" + seats.sessionId());
        String page = checkouts.page(URI.create(seats.hosted().url()).getPath(), null).body();
        assertThat(page).contains("Sandbox — no real money", "Pro seat", "Quantity", "36.00", "USD", "per month");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameSeatCheckout() {
        Seats seats = newSeatCheckout(2);
        HostedCheckout again = provider.createSeatCheckout(new SeatCheckout(seats.customerId(), seats.org(), null, 2,
                "http://localhost/ok", "http://localhost/cancel", "seat-checkout-" + seats.org()));
        assertThat(again).isEqualTo(seats.hosted());
    }

    @Test
    void payingCreatesAnActiveSubscriptionForAMonthAndSendsCreatedBeforeCompleted() {
        Seats seats = newSeatCheckout(3);

        Api.Response paid = api.post("/sandbox/api/checkout-sessions/" + seats.sessionId() + "/complete", null, null);

        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        String subscriptionId = paid.text("subscriptionId");
        assertThat(subscriptionId).startsWith("sub_sbx_");
        assertThat(paid.body().get("paymentIntentId").isNull()).isTrue();
        CheckoutState session = provider.fetchCheckout(seats.sessionId()).orElseThrow();
        assertThat(session.status()).isEqualTo("complete");
        assertThat(session.subscriptionId()).isEqualTo(subscriptionId);
        assertThat(session.paymentIntentId()).isNull();

        SubscriptionState subscription = provider.fetchSubscription(subscriptionId).orElseThrow();
        assertThat(subscription.status()).isEqualTo("active");
        assertThat(subscription.quantity()).isEqualTo(3);
        assertThat(subscription.customerId()).isEqualTo(seats.customerId());
        assertThat(subscription.cancelAtPeriodEnd()).isFalse();
        assertThat(subscription.metadata()).containsEntry("org_id", seats.org().value().toString())
                .containsEntry("kind", "seats");
        Instant created = Instant.parse(api.get("/sandbox/api/subscriptions/" + subscriptionId, null).text("createdAt"));
        assertThat(subscription.currentPeriodEnd()).isEqualTo(SandboxPayments.oneMonthAfter(created))
                .isAfter(created.plus(27, ChronoUnit.DAYS));

        List<JsonNode> events = eventsAbout(subscriptionId);
        assertThat(types(events)).containsExactly("customer.subscription.created");
        assertThat(types(eventsAbout(seats.sessionId()))).containsExactly("checkout.session.completed");
        assertThat(eventsAbout(seats.sessionId()).getFirst().at("/data/session/subscriptionId").asString())
                .isEqualTo(subscriptionId);
        assertThat(Instant.parse(events.getFirst().get("createdAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(eventsAbout(seats.sessionId()).getFirst().get("createdAt").asString()));
        assertThat(inInbox(events.getFirst().get("id").asString())).isTrue();

        api.post("/sandbox/api/checkout-sessions/" + seats.sessionId() + "/complete", null, null);
        assertThat(eventsAbout(subscriptionId)).hasSize(1);
    }

    @Test
    void aChangeSendsUpdatedACancellationDeletedAndAnEndedSubscriptionChangesNoMore() {
        String subscriptionId = paidSubscription(3);

        Api.Response more = change(subscriptionId, Map.of("quantity", 5));
        Api.Response same = change(subscriptionId, Map.of("quantity", 5));
        Api.Response pastDue = change(subscriptionId, Map.of("status", "past_due"));
        Api.Response cancelling = change(subscriptionId, Map.of("cancelAtPeriodEnd", true));
        Api.Response canceled = change(subscriptionId, Map.of("status", "canceled"));

        assertThat(more.status()).as(more.toString()).isEqualTo(200);
        assertThat(more.body().get("quantity").asInt()).isEqualTo(5);
        assertThat(same.status()).isEqualTo(200);
        assertThat(pastDue.text("status")).isEqualTo("past_due");
        assertThat(cancelling.body().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(canceled.text("status")).isEqualTo("canceled");
        assertThat(canceled.body().get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(types(eventsAbout(subscriptionId))).containsExactly("customer.subscription.created",
                "customer.subscription.updated", "customer.subscription.updated", "customer.subscription.updated",
                "customer.subscription.deleted");

        Api.Response afterTheEnd = change(subscriptionId, Map.of("quantity", 1));
        assertThat(afterTheEnd.status()).isEqualTo(409);
        assertThat(afterTheEnd.code()).isEqualTo("subscription_ended");
        assertThat(provider.fetchSubscription(subscriptionId).orElseThrow().status()).isEqualTo("canceled");
    }

    @Test
    void theTestApiRefusesWhatStripeWouldNot() {
        String subscriptionId = paidSubscription(1);

        assertThat(change(subscriptionId, Map.of("status", "lapsed")).code()).isEqualTo("validation_failed");
        assertThat(change(subscriptionId, Map.of("quantity", -1)).code()).isEqualTo("validation_failed");
        assertThat(change(subscriptionId, Map.of("seats", 2)).code()).isEqualTo("validation_failed");
        Api.Response unknown = change("sub_sbx_unknown", Map.of("quantity", 2));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("subscription_not_found");
        assertThat(provider.fetchSubscription("sub_sbx_unknown")).isEmpty();
    }

    @Test
    void aHeldBackChangeIsLoggedAndDeliveredOnlyWhenAskedTo() {
        String subscriptionId = paidSubscription(2);

        api.post("/sandbox/api/subscriptions/" + subscriptionId + "?deliverEvent=false", null, Map.of("quantity", 4));

        JsonNode held = eventsAbout(subscriptionId).getLast();
        assertThat(held.get("type").asString()).isEqualTo("customer.subscription.updated");
        assertThat(held.get("deliveredAt").isNull()).isTrue();
        assertThat(inInbox(held.get("id").asString())).isFalse();
        assertThat(provider.fetchSubscription(subscriptionId).orElseThrow().quantity()).isEqualTo(4);

        api.post("/sandbox/api/events/" + held.get("id").asString() + "/redeliver", null, null);

        assertThat(inInbox(held.get("id").asString())).isTrue();
    }

    @Test
    void thePortalChangesTheQuantityAndCancelsAtPeriodEndWithoutJavaScript() {
        Seats seats = newSeatCheckout(3);
        String subscriptionId = api.post("/sandbox/api/checkout-sessions/" + seats.sessionId() + "/complete", null, null)
                .text("subscriptionId");
        String returnUrl = "http://localhost/settings/organizations/" + seats.org().value() + "/seats/portal/return";

        String portal = provider.createPortalSession(seats.customerId(), returnUrl);

        assertThat(portal).endsWith("/sandbox/portal/" + seats.customerId());
        HttpResponse<String> shown = checkouts.page(URI.create(portal).getPath(), null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Sandbox — no real money", "Difference Engines", subscriptionId,
                "<label for=\"quantity-" + subscriptionId + "\">Quantity</label>", ">Update quantity</button>",
                ">Cancel subscription</button>", "href=\"" + returnUrl + "\"", "Renews on");

        HttpResponse<String> updated = checkouts.press(shown, "/sandbox/portal/" + seats.customerId() + "/subscriptions/"
                + subscriptionId + "/quantity", "quantity=2");
        assertThat(updated.statusCode()).isEqualTo(302);
        assertThat(updated.headers().firstValue("Location").orElseThrow())
                .endsWith("/sandbox/portal/" + seats.customerId());
        assertThat(provider.fetchSubscription(subscriptionId).orElseThrow().quantity()).isEqualTo(2);

        checkouts.press(shown, "/sandbox/portal/" + seats.customerId() + "/subscriptions/" + subscriptionId + "/cancel", "");
        SubscriptionState cancelling = provider.fetchSubscription(subscriptionId).orElseThrow();
        assertThat(cancelling.status()).isEqualTo("active");
        assertThat(cancelling.cancelAtPeriodEnd()).isTrue();
        assertThat(checkouts.page(URI.create(portal).getPath(), null).body()).contains("Cancels on", ">Don't cancel</button>");
        assertThat(types(eventsAbout(subscriptionId))).containsExactly("customer.subscription.created",
                "customer.subscription.updated", "customer.subscription.updated");
    }

    @Test
    void aPortalForAnUnknownCustomerDoesNotExist() {
        assertThatThrownBy(() -> provider.createPortalSession("cus_sbx_unknown", "http://localhost/"))
                .isInstanceOf(CustomerNotFound.class);
        assertThat(checkouts.page("/sandbox/portal/cus_sbx_unknown", null).statusCode()).isEqualTo(404);
    }
}
