package com.getpaidx.orgs.billing.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.getpaidx.orgs.billing.TopUpCheckout;
import com.getpaidx.orgs.shared.OrgId;
import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The WireMock Stripe of the {@code StripePaymentProvider*Tests}, registered on a static field with
 * {@code @RegisterExtension}: started on 127.0.0.1 at a free port before the class's tests, reset before each test,
 * stopped after the class. It hands out a provider talking to it, and holds the key, ids and URLs those tests share.
 */
final class WireMockStripe extends WireMockServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final String SECRET_KEY = "sk_test_51SbKpxL8mNx4RtYvWireMockOnlyNotARealKey";
    static final OrgId ORG = new OrgId(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    static final UUID TOP_UP = UUID.fromString("3f2b8d1e-9a64-4c57-b1e0-5d8a2c7f9e43");
    static final String SESSION_ID = "cs_test_a1Qm7XyZ3bKp9LrT2vWn8HcD4fGj6EsU0oIk5NhB";
    static final String SUCCESS_URL = "http://localhost:8080/orgs/acme-robotics/wallet?top_up={CHECKOUT_SESSION_ID}";
    static final String CANCEL_URL = "http://localhost:8080/orgs/acme-robotics/wallet?top_up=cancelled";
    /** Long enough for a cold WireMock on a busy machine: a retry would break the tests that count requests. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    WireMockStripe() {
        super(options().bindAddress("127.0.0.1").dynamicPort());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** A provider of this Stripe, with {@link #SECRET_KEY} and {@link #READ_TIMEOUT}; the server must be started. */
    StripePaymentProvider provider() {
        return provider(READ_TIMEOUT);
    }

    /** A provider of this Stripe that gives up on an answer after {@code readTimeout}. */
    StripePaymentProvider provider(Duration readTimeout) {
        return new StripePaymentProvider(StripeConfiguration.newClient(SECRET_KEY, URI.create(baseUrl()), readTimeout));
    }

    static TopUpCheckout topUp(String idempotencyKey) {
        return new TopUpCheckout("cus_TQxY7bL2mK9pZa", ORG, TOP_UP, "Starter: 1,000 credits", 1000, "USD", SUCCESS_URL,
                CANCEL_URL, idempotencyKey);
    }
}
