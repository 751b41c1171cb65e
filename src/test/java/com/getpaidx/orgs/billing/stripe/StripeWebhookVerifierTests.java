package com.getpaidx.orgs.billing.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.InvalidWebhook;
import com.getpaidx.orgs.billing.ProviderEvent;
import com.getpaidx.orgs.billing.ProviderEvent.ChargeRefunded;
import com.getpaidx.orgs.billing.ProviderEvent.CheckoutCompleted;
import com.getpaidx.orgs.billing.ProviderEvent.CheckoutExpired;
import com.getpaidx.orgs.billing.ProviderEvent.Other;
import com.getpaidx.orgs.billing.ProviderEvent.SubscriptionUpdated;
import com.getpaidx.orgs.support.StripeSignatures;
import com.stripe.net.Webhook;

import static com.getpaidx.orgs.support.StripeEvents.SDK_API_VERSION;
import static com.getpaidx.orgs.support.StripeEvents.event;
import static com.getpaidx.orgs.support.StripeEvents.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Genuinely signed webhooks in, provider events out; anything not signed by the endpoint secret is refused. */
class StripeWebhookVerifierTests {

    private static final String SECRET = "whsec_3e7a1c9b5d2f8046a1b3c5d7e9f20486";
    private static final Instant NOW = Instant.parse("2026-01-01T00:05:00Z");
    private static final String SESSION_ID = "cs_test_a1Qm7XyZ3bKp9LrT2vWn8HcD4fGj6EsU0oIk5NhB";
    private static final String ORG_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String TOP_UP_ID = "3f2b8d1e-9a64-4c57-b1e0-5d8a2c7f9e43";
    private static final String PAYMENT_INTENT = "pi_3SbKq2L8mNx4RtYv1aZcD9eF";

    private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(SECRET, Duration.ofSeconds(300),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static final String COMPLETED = event("evt_1SbKqAL8mNx4RtYvJ2kL3mN4", "checkout.session.completed",
            SDK_API_VERSION, fixture("checkout-session-complete"));

    @Test
    void aSignedCheckoutCompletedCarriesTheSessionState() {
        ProviderEvent event = verifier.verify(COMPLETED, StripeSignatures.sign(COMPLETED, SECRET, NOW));

        assertThat(event).isEqualTo(new CheckoutCompleted("evt_1SbKqAL8mNx4RtYvJ2kL3mN4", "checkout.session.completed",
                paidSession()));
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        String header = StripeSignatures.sign(COMPLETED, "whsec_someoneElsesEndpointSecret0000", NOW);

        assertRefused(COMPLETED, header);
    }

    @Test
    void aSignatureAtTheEdgeOfTheToleranceIsAcceptedAndOneSecondOlderIsRefused() {
        assertThat(verifier.verify(COMPLETED, StripeSignatures.sign(COMPLETED, SECRET, NOW.minusSeconds(300))))
                .isInstanceOf(CheckoutCompleted.class);

        assertRefused(COMPLETED, StripeSignatures.sign(COMPLETED, SECRET, NOW.minusSeconds(301)));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String header = StripeSignatures.sign(COMPLETED, SECRET, NOW);
        String tampered = COMPLETED.replace("\"amount_total\": 1000", "\"amount_total\": 100000");
        assertThat(tampered).isNotEqualTo(COMPLETED);

        assertRefused(tampered, header);
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        assertRefused(COMPLETED, null);
        assertRefused(COMPLETED, "");
        assertRefused(COMPLETED, "t=" + NOW.getEpochSecond());
        assertRefused(COMPLETED, "v1=" + "0".repeat(64));
    }

    @Test
    void aSignedBodyThatIsNoEventIsRefused() {
        String garbage = "{\"id\": \"evt_1\", \"type\": ";
        assertRefused(garbage, StripeSignatures.sign(garbage, SECRET, NOW));

        String notASession = event("evt_1SbKqBL8mNx4RtYvP5qR6sT7", "checkout.session.completed", SDK_API_VERSION,
                fixture("customer"));
        assertRefused(notASession, StripeSignatures.sign(notASession, SECRET, NOW));
    }

    @Test
    void anAsyncPaymentCompletesUnpaidAndSucceedsLater() {
        String completed = event("evt_1SbKqCL8mNx4RtYvU8vW9xY0", "checkout.session.completed", SDK_API_VERSION,
                fixture("checkout-session-complete-unpaid"));
        String succeeded = event("evt_1SbKqDL8mNx4RtYvZ1aB2cD3", "checkout.session.async_payment_succeeded",
                SDK_API_VERSION, fixture("checkout-session-async-paid"));

        ProviderEvent first = verifier.verify(completed, StripeSignatures.sign(completed, SECRET, NOW));
        ProviderEvent second = verifier.verify(succeeded, StripeSignatures.sign(succeeded, SECRET, NOW));

        assertThat(first).isInstanceOfSatisfying(CheckoutCompleted.class, c -> {
            assertThat(c.session().status()).isEqualTo("complete");
            assertThat(c.session().paid()).isFalse();
        });
        assertThat(second).isEqualTo(new CheckoutCompleted("evt_1SbKqDL8mNx4RtYvZ1aB2cD3",
                "checkout.session.async_payment_succeeded", paidSession()));
    }

    @Test
    void anExpiredCheckoutIsCheckoutExpired() {
        String expired = event("evt_1SbKqEL8mNx4RtYvE4fG5hI6", "checkout.session.expired", SDK_API_VERSION,
                fixture("checkout-session-expired"));

        ProviderEvent event = verifier.verify(expired, StripeSignatures.sign(expired, SECRET, NOW));

        assertThat(event).isEqualTo(new CheckoutExpired("evt_1SbKqEL8mNx4RtYvE4fG5hI6", "checkout.session.expired",
                new CheckoutState(SESSION_ID, "payment", "expired", "unpaid", TOP_UP_ID, metadata(),
                        "cus_TQxY7bL2mK9pZa", null, null, 1000L, "USD")));
    }

    @Test
    void aRefundCarriesTheChargeItsPaymentIntentAndTheCumulativeRefundedAmount() {
        String refunded = event("evt_3SbKqFL8mNx4RtYv1J7kL8mN", "charge.refunded", SDK_API_VERSION,
                fixture("charge-refunded"));

        ProviderEvent event = verifier.verify(refunded, StripeSignatures.sign(refunded, SECRET, NOW));

        assertThat(event).isEqualTo(new ChargeRefunded("evt_3SbKqFL8mNx4RtYv1J7kL8mN", "charge.refunded",
                "ch_3SbKq2L8mNx4RtYv1Pq7WxYz", PAYMENT_INTENT, 1000, 400, "USD", metadata()));
    }

    @Test
    void anyOtherTypeIsOther() {
        String created = event("evt_1SbKqGL8mNx4RtYvO9pQ0rS1", "customer.created", SDK_API_VERSION,
                fixture("customer"));

        ProviderEvent event = verifier.verify(created, StripeSignatures.sign(created, SECRET, NOW));

        assertThat(event).isEqualTo(new Other("evt_1SbKqGL8mNx4RtYvO9pQ0rS1", "customer.created"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "customer.subscription.created", "customer.subscription.updated",
            "customer.subscription.deleted", "customer.subscription.paused", "customer.subscription.resumed" })
    void aSubscriptionEventNamesOnlyItsSubscriptionAndCustomer(String type) {
        String payload = event("evt_1SbLqBL8mNx4RtYvW3xY4zA5", type, SDK_API_VERSION, fixture("subscription"));

        ProviderEvent event = verifier.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event).isEqualTo(new SubscriptionUpdated("evt_1SbLqBL8mNx4RtYvW3xY4zA5", type,
                "sub_1SbLq7L8mNx4RtYvKp2Zx9Qa", "cus_TQxY7bL2mK9pZa"));
    }

    @Test
    void aSubscriptionEventWhoseObjectIsNoSubscriptionIsRefused() {
        String payload = event("evt_1SbLqCL8mNx4RtYvB6cD7eF8", "customer.subscription.updated", SDK_API_VERSION,
                fixture("customer"));

        assertRefused(payload, StripeSignatures.sign(payload, SECRET, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-03-31.basil", "2024-06-20" })
    void aSessionFromAnEndpointOnAnOlderApiVersionIsStillRead(String apiVersion) {
        String completed = event("evt_1SbKqHL8mNx4RtYvT2uV3wX4", "checkout.session.completed", apiVersion,
                fixture("2024-06-20".equals(apiVersion) ? "checkout-session-complete-2024-06-20"
                        : "checkout-session-complete"));
        String header = StripeSignatures.sign(completed, SECRET, NOW);
        assertThat(sdkModelOf(completed, header)).as("stripe-java's typed object for %s", apiVersion).isFalse();

        ProviderEvent event = verifier.verify(completed, header);

        assertThat(event).isEqualTo(new CheckoutCompleted("evt_1SbKqHL8mNx4RtYvT2uV3wX4", "checkout.session.completed",
                paidSession()));
    }

    @Test
    void aRefundFromAnEndpointOnAnOldApiVersionIsStillRead() {
        String refunded = event("evt_3SbKqIL8mNx4RtYv1Y5zA6bC", "charge.refunded", "2020-08-27",
                fixture("charge-refunded-2020-08-27"));
        String header = StripeSignatures.sign(refunded, SECRET, NOW);
        assertThat(sdkModelOf(refunded, header)).isFalse();

        ProviderEvent event = verifier.verify(refunded, header);

        assertThat(event).isEqualTo(new ChargeRefunded("evt_3SbKqIL8mNx4RtYv1Y5zA6bC", "charge.refunded",
                "ch_3SbKq2L8mNx4RtYv1Pq7WxYz", PAYMENT_INTENT, 1000, 1000, "USD", metadata()));
    }

    @Test
    void anEventOnTheSdksOwnVersionHasATypedObjectToo() {
        assertThat(sdkModelOf(COMPLETED, StripeSignatures.sign(COMPLETED, SECRET, NOW))).isTrue();
    }

    /** Whether stripe-java itself would hand out the typed {@code data.object} (it does only for its own version). */
    private static boolean sdkModelOf(String payload, String header) {
        try {
            return Webhook.constructEvent(payload, header, SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC))
                    .getDataObjectDeserializer().getObject().isPresent();
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    private void assertRefused(String payload, String header) {
        assertThatThrownBy(() -> verifier.verify(payload, header))
                .isInstanceOfSatisfying(InvalidWebhook.class, ex -> {
                    assertThat(ex.code()).isEqualTo("invalid_signature");
                    assertThat(ex.getMessage()).doesNotContain(SECRET);
                });
    }

    private static CheckoutState paidSession() {
        return new CheckoutState(SESSION_ID, "payment", "complete", "paid", TOP_UP_ID, metadata(), "cus_TQxY7bL2mK9pZa",
                PAYMENT_INTENT, null, 1000L, "USD");
    }

    private static Map<String, String> metadata() {
        return Map.of("org_id", ORG_ID, "top_up_id", TOP_UP_ID);
    }
}
