package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** An expired checkout cannot be paid. */
final class CheckoutAlreadyExpired extends DomainException {

    CheckoutAlreadyExpired() {
        super("checkout_expired", HttpStatus.CONFLICT,
                "This checkout session has expired and can no longer be paid.");
    }
}
