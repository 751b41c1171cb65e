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
}
