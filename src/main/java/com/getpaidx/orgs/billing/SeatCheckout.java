package com.getpaidx.orgs.billing;

import com.getpaidx.orgs.shared.OrgId;

/**
 * A subscription-mode checkout for Pro seats: one recurring price, {@code quantity} seats. The org id is the
 * {@code client_reference_id}, and the org id and {@code kind=seats} travel in the metadata of both the
 * session and the subscription it creates, so every later subscription event finds its org.
 *
 * @param priceId the configured recurring price ({@code getpaidx.seats.price-id}); the sandbox accepts none
 * @param successUrl may hold {@code {CHECKOUT_SESSION_ID}}, which the provider fills in
 */
public record SeatCheckout(String customerId, OrgId orgId, String priceId, int quantity, String successUrl,
        String cancelUrl, String idempotencyKey) {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 1000;
    public static final String KIND = "seats";

    public SeatCheckout {
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("seat quantity must be " + MIN_QUANTITY + " to " + MAX_QUANTITY);
        }
    }
}
