package com.getpaidx.orgs.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A subscription as the provider reports it right now.
 *
 * @param status one of Stripe's {@link #STATUSES}
 * @param quantity of the subscription's (first) item; Stripe keeps it on {@code items.data[0]}
 * @param currentPeriodEnd when the current period ends (renewal, or the end when cancelling at period end);
 *        Stripe keeps it on {@code items.data[0]} since API version 2025-03-31.basil
 * @param metadata what the checkout put on the subscription ({@code org_id}, {@code kind})
 */
public record SubscriptionState(String id, String customerId, String status, long quantity, Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd, Map<String, String> metadata) {

    /** Stripe's subscription statuses. */
    public static final List<String> STATUSES = List.of("active", "trialing", "past_due", "canceled", "unpaid",
            "incomplete", "incomplete_expired", "paused");

    public SubscriptionState {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
