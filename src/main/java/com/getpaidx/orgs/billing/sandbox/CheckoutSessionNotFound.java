package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

final class CheckoutSessionNotFound extends DomainException {

    CheckoutSessionNotFound() {
        super("checkout_not_found", HttpStatus.NOT_FOUND,
                "The sandbox has no checkout session with this id.");
    }
}
