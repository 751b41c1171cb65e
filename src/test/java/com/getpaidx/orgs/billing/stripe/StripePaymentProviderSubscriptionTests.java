package com.getpaidx.orgs.billing.stripe;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.PaymentProviderUnavailable;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SeatPriceNotConfigured;
import com.getpaidx.orgs.billing.SubscriptionState;

import static com.getpaidx.orgs.billing.stripe.WireMockStripe.ORG;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.SECRET_KEY;
import static com.getpaidx.orgs.support.StripeEvents.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter's seats against a WireMock Stripe: a seat checkout is a subscription-mode session with the configured
 * price and a quantity of one to a thousand, the org in its metadata everywhere, and is not attempted without a price;
 * the billing portal session is for the customer with a return URL and an idempotency key; a retrieved subscription
 * takes its quantity and period end from its first item, is read as it is when cancelling or past due, is empty when
 * Stripe does not know it and unavailable in an outage.
 */
class StripePaymentProviderSubscriptionTests {

    private static final String SEAT_SESSION_ID = "cs_test_b2Rn8YzA4cLq0MsU3wXo9IdE5gHk7FtV1pJl6OiC";
    private static final String SEAT_PRICE = "price_1SbKuPL8mNx4RtYvProSeat";
    private static final String SEAT_SUCCESS_URL = "http://localhost:8080/settings/organizations/" + ORG.value()
            + "/seats/checkout/return?session_id={CHECKOUT_SESSION_ID}";
    private static final String SEAT_CANCEL_URL = "http://localhost:8080/settings/organizations/" + ORG.value()
            + "?seats=cancelled#seats";
    private static final String SUBSCRIPTION_ID = "sub_1SbLq7L8mNx4RtYvKp2Zx9Qa";

    @RegisterExtension
    static final WireMockStripe stripe = new WireMockStripe();

    private final StripePaymentProvider provider = stripe.provider();

    private static SeatCheckout seats(int quantity, String idempotencyKey) {
        return new SeatCheckout("cus_TQxY7bL2mK9pZa", ORG, SEAT_PRICE, quantity, SEAT_SUCCESS_URL, SEAT_CANCEL_URL,
                idempotencyKey);
    }

    @Test
    void seatCheckoutIsASubscriptionModeSessionWithTheConfiguredPriceAndQuantityAndTheOrgEverywhere() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson(fixture("checkout-session-open-subscription"))));

        HostedCheckout checkout = provider.createSeatCheckout(seats(5, "seat-checkout-" + ORG.value() + "-1"));

        assertThat(checkout.sessionId()).isEqualTo(SEAT_SESSION_ID);
        assertThat(URI.create(checkout.url()).getPath()).endsWith("/" + checkout.sessionId());
        String org = ORG.value().toString();
        stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("seat-checkout-" + org + "-1"))
                .withFormParam("mode", equalTo("subscription"))
                .withFormParam("customer", equalTo("cus_TQxY7bL2mK9pZa"))
                .withFormParam("line_items[0][price]", equalTo(SEAT_PRICE))
                .withFormParam("line_items[0][quantity]", equalTo("5"))
                .withFormParam("client_reference_id", equalTo(org))
                .withFormParam("metadata[org_id]", equalTo(org))
                .withFormParam("metadata[kind]", equalTo("seats"))
                .withFormParam("subscription_data[metadata][org_id]", equalTo(org))
                .withFormParam("subscription_data[metadata][kind]", equalTo("seats"))
                .withFormParam("success_url", equalTo(SEAT_SUCCESS_URL))
                .withFormParam("cancel_url", equalTo(SEAT_CANCEL_URL)));
        assertThat(stripe.getAllServeEvents().getFirst().getRequest().getBodyAsString())
                .doesNotContain("price_data")
                .doesNotContain("payment_intent_data")
                .doesNotContain("line_items%5B1%5D");
    }

    @Test
    void withoutAConfiguredPriceNoSeatCheckoutIsAttempted() {
        assertThatThrownBy(() -> provider.createSeatCheckout(new SeatCheckout("cus_TQxY7bL2mK9pZa", ORG, " ", 1,
                SEAT_SUCCESS_URL, SEAT_CANCEL_URL, "seat-checkout-none")))
                .isInstanceOf(SeatPriceNotConfigured.class);
        assertThat(stripe.getAllServeEvents()).isEmpty();
    }

    @Test
    void seatQuantitiesStayWithinOneToAThousand() {
        assertThat(seats(1, "k").quantity()).isOne();
        assertThat(seats(1000, "k").quantity()).isEqualTo(1000);
        assertThatThrownBy(() -> seats(0, "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seats(1001, "k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePortalSessionIsForTheCustomerWithTheReturnUrlAndAnIdempotencyKey() {
        stripe.stubFor(post("/v1/billing_portal/sessions").willReturn(okJson(fixture("billing-portal-session"))));
        String returnUrl = "http://localhost:8080/settings/organizations/" + ORG.value() + "/seats/portal/return";

        String url = provider.createPortalSession("cus_TQxY7bL2mK9pZa", returnUrl);

        assertThat(url).startsWith("https://billing.stripe.com/p/session/");
        stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Idempotency-Key", matching("portal-[0-9a-f-]{36}"))
                .withFormParam("customer", equalTo("cus_TQxY7bL2mK9pZa"))
                .withFormParam("return_url", equalTo(returnUrl))
                .withFormParam("configuration", absent()));
    }

    @Test
    void aRetrievedSubscriptionTakesQuantityAndPeriodEndFromItsFirstItem() {
        stripe.stubFor(get("/v1/subscriptions/" + SUBSCRIPTION_ID).willReturn(okJson(fixture("subscription"))));

        SubscriptionState state = provider.fetchSubscription(SUBSCRIPTION_ID).orElseThrow();

        assertThat(state).isEqualTo(new SubscriptionState(SUBSCRIPTION_ID, "cus_TQxY7bL2mK9pZa", "active", 5,
                Instant.ofEpochSecond(1769904060), false, Map.of("org_id", ORG.value().toString(), "kind", "seats")));
        stripe.verify(getRequestedFor(urlEqualTo("/v1/subscriptions/" + SUBSCRIPTION_ID))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
    }

    @Test
    void aCancellingPastDueSubscriptionIsReadAsItIs() {
        String cancelling = fixture("subscription")
                .replace("\"status\": \"active\"", "\"status\": \"past_due\"")
                .replace("\"cancel_at_period_end\": false", "\"cancel_at_period_end\": true")
                .replace("\"quantity\": 5", "\"quantity\": 2");
        stripe.stubFor(get("/v1/subscriptions/" + SUBSCRIPTION_ID).willReturn(okJson(cancelling)));

        SubscriptionState state = provider.fetchSubscription(SUBSCRIPTION_ID).orElseThrow();

        assertThat(state.status()).isEqualTo("past_due");
        assertThat(state.cancelAtPeriodEnd()).isTrue();
        assertThat(state.quantity()).isEqualTo(2);
    }

    @Test
    void aSubscriptionStripeDoesNotKnowIsEmptyAndAnOutageIsUnavailable() {
        stripe.stubFor(get("/v1/subscriptions/sub_unknown").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"code": "resource_missing", "message": "No such subscription: 'sub_unknown'",
                                   "param": "id", "type": "invalid_request_error"}}
                        """)));
        stripe.stubFor(get("/v1/subscriptions/" + SUBSCRIPTION_ID).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"message": "Service unavailable", "type": "api_error"}}
                        """)));

        assertThat(provider.fetchSubscription("sub_unknown")).isEmpty();
        assertThatThrownBy(() -> provider.fetchSubscription(SUBSCRIPTION_ID))
                .isInstanceOf(PaymentProviderUnavailable.class);
    }
}
