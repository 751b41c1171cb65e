package com.getpaidx.orgs.billing.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.getpaidx.orgs.billing.SubscriptionState;

/**
 * A sandbox subscription, as its table holds it and the test API and portal page show it.
 *
 * @param status one of Stripe's statuses; {@code canceled} and {@code incomplete_expired} are final
 */
public record SandboxSubscription(String id, String customerId, String status, String priceId, int quantity,
        Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Map<String, String> metadata, Instant createdAt) {

    /** Stripe never changes a subscription again once it reached one of these. */
    static final Set<String> FINAL = Set.of("canceled", "incomplete_expired");

    /** What {@code fetchSubscription} reports: the fields Stripe's subscription (and its one item) has too. */
    public SubscriptionState state() {
        return new SubscriptionState(id, customerId, status, quantity, currentPeriodEnd, cancelAtPeriodEnd, metadata);
    }

    public boolean ended() {
        return FINAL.contains(status);
    }
}
