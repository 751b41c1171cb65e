package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** Like Stripe, the sandbox never changes a canceled or expired subscription again. */
final class SubscriptionEnded extends DomainException {

    SubscriptionEnded() {
        super("subscription_ended", HttpStatus.CONFLICT,
                "This subscription has ended (canceled or expired) and can no longer change.");
    }
}
