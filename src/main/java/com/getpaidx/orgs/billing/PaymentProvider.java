package com.getpaidx.orgs.billing;

import java.util.Optional;

/**
 * What the service needs from a payment provider. Implementations make network calls: never call
 * them inside a database transaction. Every create carries an idempotency key, so a retried request
 * returns the object the first attempt created.
 */
public interface PaymentProvider {

    /** {@code stripe} or {@code sandbox}. */
    String name();

    /** Creates the customer an organization pays as; returns the provider's customer id. */
    String createCustomer(NewCustomer customer);

    /** A hosted checkout in payment mode with inline price data, for one credit top-up. */
    HostedCheckout createTopUpCheckout(TopUpCheckout checkout);

    /** The checkout as the provider sees it now, or empty when it does not know the id. */
    Optional<CheckoutState> fetchCheckout(String sessionId);

    /**
     * Expires an open checkout so that nobody can pay it any more. Returns the session as it is afterwards:
     * {@code expired}, or {@code complete} when it was paid first (a paid session cannot expire); empty when
     * the provider does not know the id.
     */
    Optional<CheckoutState> expireCheckout(String sessionId);

    /** A hosted checkout in subscription mode for Pro seats: the configured price, {@code quantity} seats. */
    HostedCheckout createSeatCheckout(SeatCheckout checkout);

    /**
     * A billing-portal session where the customer changes the quantity, the payment method or cancels;
     * returns the URL to send them to. The portal links back to {@code returnUrl}.
     */
    String createPortalSession(String customerId, String returnUrl);

    /** The subscription as the provider sees it now, or empty when it does not know the id. */
    Optional<SubscriptionState> fetchSubscription(String subscriptionId);
}
