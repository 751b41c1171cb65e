package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** A paid checkout cannot expire. */
final class CheckoutAlreadyCompleted extends DomainException {

    CheckoutAlreadyCompleted() {
        super("checkout_completed", HttpStatus.CONFLICT,
                "This checkout session is already complete: it was paid and cannot expire.");
    }
}
