package com.getpaidx.orgs.seat;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class SubscriptionActive extends DomainException {

    public SubscriptionActive() {
        super("subscription_active", HttpStatus.CONFLICT, "The seat subscription is still active. Cancel it in the billing portal before archiving.");
    }
}
