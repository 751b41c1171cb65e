package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** No paid payment-mode checkout has this top-up as its client reference. */
final class ChargeNotFound extends DomainException {

    ChargeNotFound() {
        super("charge_not_found", HttpStatus.NOT_FOUND,
                "The sandbox has no paid checkout for this top-up.");
    }
}
