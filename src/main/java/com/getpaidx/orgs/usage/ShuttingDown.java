package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** A usage event that arrived while the service drains for shutdown: nothing of it was written. */
public final class ShuttingDown extends DomainException {

    public ShuttingDown() {
        super("shutting_down", HttpStatus.SERVICE_UNAVAILABLE,
                "Nothing was charged: this instance is shutting down. Retry with the same eventId.");
    }
}
