package com.getpaidx.orgs.billing.stripe;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.billing.PaymentProviderUnavailable;
import com.github.tomakehurst.wiremock.WireMockServer;

import static com.getpaidx.orgs.support.StripeEvents.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code checkout.sessions.expire} through stripe-java against a WireMock Stripe: an open session expires; one
 * paid first stays paid (Stripe answers 400, its current state says why); an unknown one is empty.
 */
class StripeCheckoutExpiryTests {

    private static final String SECRET_KEY = "sk_test_51SbKpxL8mNx4RtYvWireMockOnlyNotARealKey";
    private static final String SESSION_ID = "cs_test_a1Qm7XyZ3bKp9LrT2vWn8HcD4fGj6EsU0oIk5NhB";

    private static WireMockServer stripe;

    private StripePaymentProvider provider;

    @BeforeAll
    static void startStripe() {
        stripe = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        stripe.start();
    }

    @AfterAll
    static void stopStripe() {
        stripe.stop();
    }

    @BeforeEach
    void setUp() {
        stripe.resetAll();
        provider = new StripePaymentProvider(
                StripeConfiguration.newClient(SECRET_KEY, URI.create(stripe.baseUrl()), Duration.ofSeconds(10)));
    }

    @Test
    void anOpenSessionExpires() {
        stripe.stubFor(post("/v1/checkout/sessions/" + SESSION_ID + "/expire")
                .willReturn(okJson(fixture("checkout-session-expired"))));

        assertThat(provider.expireCheckout(SESSION_ID).orElseThrow().status()).isEqualTo("expired");
        stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + SESSION_ID + "/expire")));
    }

    @Test
    void aSessionPaidFirstStaysComplete() {
        stripe.stubFor(post("/v1/checkout/sessions/" + SESSION_ID + "/expire").willReturn(stripeError(400,
                null, "Only Checkout Sessions with a status in [\\\"open\\\"] can be expired.")));
        stripe.stubFor(get("/v1/checkout/sessions/" + SESSION_ID).willReturn(okJson(fixture("checkout-session-complete"))));

        assertThat(provider.expireCheckout(SESSION_ID).orElseThrow().status()).isEqualTo("complete");
    }

    @Test
    void anUnknownSessionIsEmptyAndAnOutageIsUnavailable() {
        stripe.stubFor(post("/v1/checkout/sessions/cs_test_unknown/expire").willReturn(stripeError(404,
                "resource_missing", "No such checkout.session: 'cs_test_unknown'")));
        stripe.stubFor(post("/v1/checkout/sessions/" + SESSION_ID + "/expire").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}")));

        assertThat(provider.expireCheckout("cs_test_unknown")).isEmpty();
        assertThatThrownBy(() -> provider.expireCheckout(SESSION_ID)).isInstanceOf(PaymentProviderUnavailable.class);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stripeError(int status, String code,
            String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{%s"message":"%s","type":"invalid_request_error"}}"""
                        .formatted(code == null ? "" : "\"code\":\"" + code + "\",", message));
    }
}
