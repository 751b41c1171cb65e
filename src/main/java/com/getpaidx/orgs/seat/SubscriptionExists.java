package com.getpaidx.orgs.seat;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class SubscriptionExists extends DomainException {

    public SubscriptionExists() {
        super("subscription_exists", HttpStatus.CONFLICT, "This organization already has a seat subscription. Change its quantity in the billing portal.");
    }
}
