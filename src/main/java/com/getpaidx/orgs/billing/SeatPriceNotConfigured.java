package com.getpaidx.orgs.billing;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** Stripe needs a recurring price to sell seats, and none is configured. */
public final class SeatPriceNotConfigured extends DomainException {

    public SeatPriceNotConfigured() {
        super("seat_price_not_configured", HttpStatus.SERVICE_UNAVAILABLE,
                "Seats cannot be bought yet: the seat price (GETPAIDX_SEAT_PRICE_ID) is not configured.");
    }
}
