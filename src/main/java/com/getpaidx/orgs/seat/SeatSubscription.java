package com.getpaidx.orgs.seat;

import java.time.Instant;

/**
 * The org's seat subscription as the provider last reported it.
 *
 * @param status one of Stripe's subscription statuses
 * @param currentPeriodEnd the renewal date, or the end date when {@code cancelAtPeriodEnd}
 */
public record SeatSubscription(String id, String customerId, String status, int quantity, Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd) {
}
