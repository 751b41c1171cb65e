package com.getpaidx.orgs.billing.stripe;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;

import static com.getpaidx.orgs.billing.stripe.WireMockStripe.CANCEL_URL;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.ORG;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.SECRET_KEY;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.SESSION_ID;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.SUCCESS_URL;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.TOP_UP;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.topUp;
import static com.getpaidx.orgs.support.StripeEvents.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's customers and top-up checkouts against a WireMock Stripe: the exact requests stripe-java sends to
 * create a customer and a payment-mode checkout session (inline price data, both ids in its metadata, the idempotency
 * key), and how a retrieved session is read: paid, open without a payment intent, or unknown to Stripe and so empty.
 * Outages are in {@link StripePaymentProviderFailureTests}, seats in {@link StripePaymentProviderSubscriptionTests}.
 */
class StripePaymentProviderCheckoutTests {

    @RegisterExtension
    static final WireMockStripe stripe = new WireMockStripe();

    private final StripePaymentProvider provider = stripe.provider();

    @Test
    void isCalledStripe() {
        assertThat(provider.name()).isEqualTo("stripe");
    }

    @Test
    void createsACustomerNamedAfterTheOrgWithItsIdAndTheIdempotencyKey() {
        stripe.stubFor(post("/v1/customers").willReturn(okJson(fixture("customer"))));

        String customerId = provider.createCustomer(new NewCustomer(ORG, "Acme Robotics", "customer-" + ORG.value()));

        assertThat(customerId).isEqualTo("cus_TQxY7bL2mK9pZa");
        stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/customers"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("customer-" + ORG.value()))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("name", equalTo("Acme Robotics"))
                .withFormParam("metadata[org_id]", equalTo(ORG.value().toString())));
    }

    @Test
    void topUpCheckoutIsAPaymentModeSessionWithInlinePriceDataAndBothIdsInItsMetadata() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson(fixture("checkout-session-open"))));

        HostedCheckout checkout = provider.createTopUpCheckout(topUp("top-up-" + TOP_UP));

        assertThat(checkout.sessionId()).isEqualTo(SESSION_ID);
        assertThat(checkout.url()).startsWith("https://checkout.stripe.com/c/pay/" + SESSION_ID);
        assertThat(URI.create(checkout.url()).getPath()).endsWith("/" + checkout.sessionId());
        stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("top-up-" + TOP_UP))
                .withFormParam("mode", equalTo("payment"))
                .withFormParam("customer", equalTo("cus_TQxY7bL2mK9pZa"))
                .withFormParam("line_items[0][quantity]", equalTo("1"))
                .withFormParam("line_items[0][price_data][currency]", equalTo("usd"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("1000"))
                .withFormParam("line_items[0][price_data][product_data][name]", equalTo("Starter: 1,000 credits"))
                .withFormParam("client_reference_id", equalTo(TOP_UP.toString()))
                .withFormParam("metadata[org_id]", equalTo(ORG.value().toString()))
                .withFormParam("metadata[top_up_id]", equalTo(TOP_UP.toString()))
                .withFormParam("payment_intent_data[metadata][org_id]", equalTo(ORG.value().toString()))
                .withFormParam("payment_intent_data[metadata][top_up_id]", equalTo(TOP_UP.toString()))
                .withFormParam("success_url", equalTo(SUCCESS_URL))
                .withFormParam("cancel_url", equalTo(CANCEL_URL)));
        assertThat(stripe.getAllServeEvents().getFirst().getRequest().getBodyAsString())
                .doesNotContain("line_items%5B1%5D")
                .doesNotContain("price%5D=")
                .doesNotContain("price=");
    }

    @Test
    void aRetrievedPaidSessionIsMappedToItsState() {
        stripe.stubFor(get("/v1/checkout/sessions/" + SESSION_ID).willReturn(okJson(fixture("checkout-session-complete"))));

        CheckoutState state = provider.fetchCheckout(SESSION_ID).orElseThrow();

        assertThat(state).isEqualTo(new CheckoutState(SESSION_ID, "payment", "complete", "paid", TOP_UP.toString(),
                Map.of("org_id", ORG.value().toString(), "top_up_id", TOP_UP.toString()), "cus_TQxY7bL2mK9pZa",
                "pi_3SbKq2L8mNx4RtYv1aZcD9eF", null, 1000L, "USD"));
        assertThat(state.paid()).isTrue();
        stripe.verify(getRequestedFor(urlEqualTo("/v1/checkout/sessions/" + SESSION_ID))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
    }

    @Test
    void anOpenSessionIsUnpaidWithoutAPaymentIntent() {
        stripe.stubFor(get("/v1/checkout/sessions/" + SESSION_ID).willReturn(okJson(fixture("checkout-session-open"))));

        CheckoutState state = provider.fetchCheckout(SESSION_ID).orElseThrow();

        assertThat(state.status()).isEqualTo("open");
        assertThat(state.paid()).isFalse();
        assertThat(state.paymentIntentId()).isNull();
    }

    @Test
    void aSessionStripeDoesNotKnowIsEmpty() {
        stripe.stubFor(get("/v1/checkout/sessions/cs_test_unknown").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_Nq3vX8kLm2Pz4a")
                .withBody("""
                        {
                          "error": {
                            "code": "resource_missing",
                            "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                            "message": "No such checkout.session: 'cs_test_unknown'",
                            "param": "session",
                            "request_log_url": "https://dashboard.stripe.com/test/logs/req_Nq3vX8kLm2Pz4a",
                            "type": "invalid_request_error"
                          }
                        }
                        """)));

        assertThat(provider.fetchCheckout("cs_test_unknown")).isEmpty();
    }
}
