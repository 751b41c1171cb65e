package com.getpaidx.orgs.seat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.PageSession;
import com.getpaidx.orgs.support.StripeEvents;
import com.getpaidx.orgs.support.StripeSignatures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tabs, two seat checkouts: starting the second expires the first at the provider; if both were paid
 * anyway (the first before the second started, its webhook still on the way), the second subscription's
 * seats count, it is audited, and billing managers are told to cancel one. Webhooks arrive signed at the
 * real endpoint; the provider is the sandbox, which holds its own webhooks back here.
 */
@IntegrationTest
class SeatDuplicateSubscriptionIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Environment environment;
    @Autowired MutableClock clock;
    @Autowired PaymentProvider provider;

    private record Paid(String sessionId, String subscriptionId, String customerId) {
    }

    private SeatPurchases purchases() {
        return new SeatPurchases(api);
    }

    @Test
    void startingASecondCheckoutExpiresTheFirstAtTheProvider() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        String first = SeatPurchases.sessionOf(purchases().checkout(org, owner, 2));
        String second = SeatPurchases.sessionOf(purchases().checkout(org, owner, 5));

        assertThat(provider.fetchCheckout(first).orElseThrow().status()).isEqualTo("expired");
        assertThat(provider.fetchCheckout(second).orElseThrow().status()).isEqualTo("open");
        Api.Response late = api.post("/sandbox/api/checkout-sessions/" + first + "/complete", null, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("checkout_expired");
        assertThat(api.post("/sandbox/api/checkout-sessions/" + second + "/complete", null, null).status()).isEqualTo(200);
        assertThat(purchases().seats(org, owner).get("paid").asInt()).isEqualTo(5);
    }

    @Test
    void aCheckoutOfAnotherOrgIsNotExpired() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        UUID stranger = api.newOrg(owner);
        String theirs = SeatPurchases.sessionOf(purchases().checkout(stranger, owner, 1));

        purchases().checkout(org, owner, 1);

        assertThat(provider.fetchCheckout(theirs).orElseThrow().status()).isEqualTo("open");
    }

    @Test
    void aSecondPaidSubscriptionCountsIsAuditedAndWarnsBillingManagers() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        Api.User billingAdmin = fixtures.newMember(org, owner, Role.BILLING_ADMIN);
        Paid first = payQuietly(org, owner, 2);
        Paid second = payQuietly(org, owner, 3);
        deliverSigned(subscriptionCreated(org, second));

        deliverSigned(subscriptionCreated(org, first));
        deliverSigned(subscriptionCreated(org, first));

        JsonNode seats = purchases().seats(org, owner);
        assertThat(seats.get("paid").asInt()).as("the org pays for both").isEqualTo(5);
        assertThat(seats.at("/subscription/id").asString()).isEqualTo(second.subscriptionId());
        assertThat(seats.at("/duplicateSubscriptions/0/id").asString()).isEqualTo(first.subscriptionId());
        assertThat(actions(org, owner).stream().filter("seat.duplicate_subscription"::equals)).hasSize(1);
        for (Api.User manager : List.of(owner, billingAdmin)) {
            assertThat(orgPage(org, manager)).contains("id=\"seats-duplicates\"").contains(first.subscriptionId());
        }
        assertThat(orgPage(org, member)).doesNotContain("seats-duplicates");

        purchases().change(first.subscriptionId(), Map.of("status", "canceled"));

        JsonNode afterCancel = purchases().seats(org, owner);
        assertThat(afterCancel.get("paid").asInt()).isEqualTo(3);
        assertThat(afterCancel.get("duplicateSubscriptions")).isEmpty();
        assertThat(orgPage(org, owner)).doesNotContain("seats-duplicates");
    }

    @Test
    void whenTheOrgsSubscriptionEndsItsDuplicateTakesItsPlace() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Paid first = payQuietly(org, owner, 2);
        Paid second = payQuietly(org, owner, 3);
        deliverSigned(subscriptionCreated(org, first));
        deliverSigned(subscriptionCreated(org, second));
        List<Api.User> holders = List.of(fixtures.newMember(org, owner, Role.MEMBER),
                fixtures.newMember(org, owner, Role.MEMBER), fixtures.newMember(org, owner, Role.MEMBER),
                fixtures.newMember(org, owner, Role.MEMBER));
        holders.forEach(holder -> assertThat(purchases().assign(org, owner, holder).status()).isEqualTo(200));

        purchases().change(first.subscriptionId(), Map.of("status", "canceled"));

        JsonNode seats = purchases().seats(org, owner);
        assertThat(seats.at("/subscription/id").asString()).isEqualTo(second.subscriptionId());
        assertThat(seats.get("paid").asInt()).isEqualTo(3);
        assertThat(seats.get("suspended").asInt()).isEqualTo(1);
        assertThat(purchases().checkout(org, owner, 1).code()).as("still live").isEqualTo("subscription_exists");
    }

    @Test
    void anotherOrgsSubscriptionIsNeverCountedAsADuplicate() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Paid ours = payQuietly(org, owner, 2);
        deliverSigned(subscriptionCreated(org, ours));
        Api.User strangerOwner = api.newUser("stranger");
        UUID stranger = api.newOrg(strangerOwner);
        Paid theirs = payQuietly(stranger, strangerOwner, 7);

        // the event's own copy names our org; the provider's subscription says whose it is
        deliverSigned(subscriptionCreated(org, theirs));

        JsonNode seats = purchases().seats(org, owner);
        assertThat(seats.get("paid").asInt()).isEqualTo(2);
        assertThat(seats.get("duplicateSubscriptions")).isEmpty();
        assertThat(actions(org, owner)).doesNotContain("seat.duplicate_subscription");
        assertThat(purchases().seats(stranger, strangerOwner).get("paid").asInt()).isEqualTo(7);
        assertThat(actions(stranger, strangerOwner)).doesNotContain("seat.duplicate_subscription");
    }

    /** A checkout paid in the sandbox whose webhook has not arrived yet: the org still has no subscription. */
    private Paid payQuietly(UUID org, Api.User owner, int quantity) {
        Api.Response checkout = purchases().checkout(org, owner, quantity);
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        String session = SeatPurchases.sessionOf(checkout);
        Api.Response paid = api.post("/sandbox/api/checkout-sessions/" + session + "/complete?deliverEvent=false",
                null, null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        return new Paid(session, paid.text("subscriptionId"), paid.text("customerId"));
    }

    private static String subscriptionCreated(UUID org, Paid paid) {
        String subscription = """
                {"id":"%s","object":"subscription","customer":"%s","status":"active","cancel_at_period_end":false,
                 "items":{"object":"list","data":[{"id":"si_test_1","object":"subscription_item","quantity":1,
                   "current_period_start":1767225660,"current_period_end":1769904060,
                   "price":{"id":"price_test_seat","object":"price"}}],"has_more":false},
                 "metadata":{"org_id":"%s","kind":"seats"}}"""
                .formatted(paid.subscriptionId(), paid.customerId(), org);
        return StripeEvents.event("evt_test_" + UUID.randomUUID().toString().replace("-", ""),
                "customer.subscription.created", StripeEvents.SDK_API_VERSION, subscription);
    }

    private void deliverSigned(String payload) {
        String secret = environment.getProperty("getpaidx.stripe.webhook-secret");
        Api.Response response = api.exchange(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeSignatures.sign(payload, secret, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private List<String> actions(UUID org, Api.User owner) {
        JsonNode items = api.get("/api/v1/orgs/" + org + "/audit-events?limit=200", owner.token()).body().get("items");
        return StreamSupport.stream(items.spliterator(), false).map(event -> event.get("action").asString()).toList();
    }

    private String orgPage(UUID org, Api.User viewer) {
        return PageSession.signedIn(api, viewer).page("/settings/organizations/" + org + "/seats");
    }
}
