package com.getpaidx.orgs.billing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A checkout session as the provider reports it.
 *
 * @param mode {@code payment} or {@code subscription}
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code paid}, {@code unpaid} or {@code no_payment_required}
 * @param paymentIntentId set once paid in payment mode; refunds refer to it
 * @param subscriptionId set in subscription mode
 */
public record CheckoutState(String sessionId, String mode, String status, String paymentStatus,
        @Nullable String clientReferenceId, Map<String, String> metadata, @Nullable String customerId,
        @Nullable String paymentIntentId, @Nullable String subscriptionId, @Nullable Long amountTotalMinor,
        @Nullable String currency) {

    public boolean paid() {
        return "paid".equals(paymentStatus);
    }
}
