package com.getpaidx.orgs.billing;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A provider's webhook event, reduced to what this service acts on. Both adapters produce these; the
 * inbox stores them as JSON and processes each event id once.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ProviderEvent.CheckoutCompleted.class, name = "checkout_completed"),
        @JsonSubTypes.Type(value = ProviderEvent.CheckoutExpired.class, name = "checkout_expired"),
        @JsonSubTypes.Type(value = ProviderEvent.ChargeRefunded.class, name = "charge_refunded"),
        @JsonSubTypes.Type(value = ProviderEvent.SubscriptionUpdated.class, name = "subscription_updated"),
        @JsonSubTypes.Type(value = ProviderEvent.Other.class, name = "other") })
public sealed interface ProviderEvent {

    /** The provider's event id ({@code evt_…}): the inbox's key. */
    String id();

    /** The provider's event type, e.g. {@code checkout.session.completed}. */
    String type();

    /**
     * {@code checkout.session.completed} and {@code checkout.session.async_payment_succeeded}: the
     * session's payment status says whether money arrived (an async method completes unpaid first).
     */
    record CheckoutCompleted(String id, String type, CheckoutState session) implements ProviderEvent {
    }

    /**
     * {@code checkout.session.expired}, or {@code checkout.session.async_payment_failed}: a completed session whose
     * delayed payment failed, which ends the checkout unpaid as surely.
     */
    record CheckoutExpired(String id, String type, CheckoutState session) implements ProviderEvent {
    }

    /**
     * {@code charge.refunded}: {@code amountRefundedMinor} is the charge's cumulative refunded amount,
     * so a late or repeated event never refunds twice. {@code metadata} is the charge's, which Stripe copies
     * from the payment intent when it is confirmed (a top-up's names the top-up); empty when absent.
     */
    record ChargeRefunded(String id, String type, String chargeId, String paymentIntentId, long amountMinor,
            long amountRefundedMinor, String currency, Map<String, String> metadata) implements ProviderEvent {

        public ChargeRefunded {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }
    }

    /**
     * {@code customer.subscription.created}, {@code .updated}, {@code .deleted} (and {@code .paused},
     * {@code .resumed}): only which subscription changed. The inbox asks the provider for its current
     * state when it processes the event, so the event's own copy, which may be old, is never applied.
     */
    record SubscriptionUpdated(String id, String type, String subscriptionId, String customerId)
            implements ProviderEvent {
    }

    /** Any type this service does not act on; stored, acknowledged, ignored. */
    record Other(String id, String type) implements ProviderEvent {
    }
}
