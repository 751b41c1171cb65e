package com.getpaidx.orgs.billing.stripe;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProviderUnavailable;

import static com.getpaidx.orgs.billing.stripe.WireMockStripe.ORG;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.READ_TIMEOUT;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.SECRET_KEY;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.SESSION_ID;
import static com.getpaidx.orgs.billing.stripe.WireMockStripe.topUp;
import static com.getpaidx.orgs.support.StripeEvents.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the WireMock Stripe fails the adapter, it says the provider is unavailable: a not-found that is not Stripe's,
 * a server error (after the one retry, which reuses the idempotency key), a Stripe slower than the read timeout, an
 * unreachable Stripe, and a refused key, whose value appears in no message of the exception or its causes.
 */
class StripePaymentProviderFailureTests {

    @RegisterExtension
    static final WireMockStripe stripe = new WireMockStripe();

    private final StripePaymentProvider provider = stripe.provider();

    @Test
    void aNotFoundThatIsNotStripesMeansUnavailable() {
        stripe.stubFor(get("/v1/checkout/sessions/" + SESSION_ID).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>404 Not Found</h1></body></html>")));

        assertThatThrownBy(() -> provider.fetchCheckout(SESSION_ID)).isInstanceOf(PaymentProviderUnavailable.class);
    }

    @Test
    void aServerErrorMeansUnavailableAndTheOneRetryReusesTheIdempotencyKey() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"message": "An unknown error occurred", "type": "api_error"}}
                        """)));

        assertThatThrownBy(() -> provider.createTopUpCheckout(topUp("top-up-retried")))
                .isInstanceOf(PaymentProviderUnavailable.class);
        stripe.verify(exactly(1 + StripeConfiguration.NETWORK_RETRIES), postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("top-up-retried")));
    }

    @Test
    void aSlowStripeMeansUnavailable() {
        Duration patience = Duration.ofMillis(500);
        stripe.stubFor(get("/v1/checkout/sessions/" + SESSION_ID).willReturn(okJson(fixture("checkout-session-complete"))
                .withFixedDelay(3 * (int) patience.toMillis())));

        assertThatThrownBy(() -> stripe.provider(patience).fetchCheckout(SESSION_ID)).isInstanceOf(PaymentProviderUnavailable.class);
    }

    @Test
    void anUnreachableStripeMeansUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StripePaymentProvider unreachable = new StripePaymentProvider(StripeConfiguration.newClient(SECRET_KEY,
                URI.create("http://127.0.0.1:" + closedPort + "/"), READ_TIMEOUT));

        assertThatThrownBy(() -> unreachable.createCustomer(new NewCustomer(ORG, "Acme Robotics", "customer-unreachable")))
                .isInstanceOf(PaymentProviderUnavailable.class);
    }

    @Test
    void aRefusedKeyMeansUnavailableAndTheKeyAppearsInNoMessage() {
        stripe.stubFor(post("/v1/customers").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {
                          "error": {
                            "message": "Invalid API Key provided: sk_test_****DKey",
                            "type": "invalid_request_error"
                          }
                        }
                        """)));

        assertThatThrownBy(() -> provider.createCustomer(new NewCustomer(ORG, "Acme Robotics", "customer-refused")))
                .isInstanceOf(PaymentProviderUnavailable.class)
                .satisfies(thrown -> {
                    for (Throwable t = thrown; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET_KEY);
                        assertThat(t.toString()).doesNotContain(SECRET_KEY);
                    }
                });
        stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/customers")));
    }
}
