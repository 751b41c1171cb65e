package com.getpaidx.orgs.billing.stripe;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProviderUnavailable;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SeatPriceNotConfigured;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.billing.TopUpCheckout;
import com.getpaidx.orgs.shared.OrgId;
import com.github.tomakehurst.wiremock.WireMockServer;

import static com.getpaidx.orgs.support.StripeEvents.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter against a WireMock Stripe: the exact requests stripe-java sends, and how answers are read. */
class StripePaymentProviderTests {

    private static final String SECRET_KEY = "sk_test_51SbKpxL8mNx4RtYvWireMockOnlyNotARealKey";
    private static final OrgId ORG = new OrgId(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    private static final UUID TOP_UP = UUID.fromString("3f2b8d1e-9a64-4c57-b1e0-5d8a2c7f9e43");
    private static final String SESSION_ID = "cs_test_a1Qm7XyZ3bKp9LrT2vWn8HcD4fGj6EsU0oIk5NhB";
    private static final String SUCCESS_URL = "http://localhost:8080/orgs/acme-robotics/wallet?top_up={CHECKOUT_SESSION_ID}";
    private static final String CANCEL_URL = "http://localhost:8080/orgs/acme-robotics/wallet?top_up=cancelled";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final String SEAT_SESSION_ID = "cs_test_b2Rn8YzA4cLq0MsU3wXo9IdE5gHk7FtV1pJl6OiC";
    private static final String SEAT_PRICE = "price_1SbKuPL8mNx4RtYvProSeat";
    private static final String SEAT_SUCCESS_URL = "http://localhost:8080/settings/organizations/" + ORG.value()
            + "/seats/checkout/return?session_id={CHECKOUT_SESSION_ID}";
    private static final String SEAT_CANCEL_URL = "http://localhost:8080/settings/organizations/" + ORG.value()
            + "?seats=cancelled#seats";
    private static final String SUBSCRIPTION_ID = "sub_1SbLq7L8mNx4RtYvKp2Zx9Qa";

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
                StripeConfiguration.newClient(SECRET_KEY, URI.create(stripe.baseUrl()), READ_TIMEOUT));
    }

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
        stripe.stubFor(get("/v1/checkout/sessions/" + SESSION_ID).willReturn(okJson(fixture("checkout-session-complete"))
                .withFixedDelay(3 * (int) READ_TIMEOUT.toMillis())));

        assertThatThrownBy(() -> provider.fetchCheckout(SESSION_ID)).isInstanceOf(PaymentProviderUnavailable.class);
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

    private static SeatCheckout seats(int quantity, String idempotencyKey) {
        return new SeatCheckout("cus_TQxY7bL2mK9pZa", ORG, SEAT_PRICE, quantity, SEAT_SUCCESS_URL, SEAT_CANCEL_URL,
                idempotencyKey);
    }

    private static TopUpCheckout topUp(String idempotencyKey) {
        return new TopUpCheckout("cus_TQxY7bL2mK9pZa", ORG, TOP_UP, "Starter: 1,000 credits", 1000, "USD", SUCCESS_URL,
                CANCEL_URL, idempotencyKey);
    }
}
