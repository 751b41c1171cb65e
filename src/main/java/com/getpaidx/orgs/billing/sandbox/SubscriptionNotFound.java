package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

final class SubscriptionNotFound extends DomainException {

    SubscriptionNotFound() {
        super("subscription_not_found", HttpStatus.NOT_FOUND, "The sandbox has no subscription with this id.");
    }
}
