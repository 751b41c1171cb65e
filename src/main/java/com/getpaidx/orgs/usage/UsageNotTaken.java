package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** A usage event that waited too long in the queue and was taken out of it: nothing of it was written. */
public final class UsageNotTaken extends DomainException {

    public UsageNotTaken() {
        super("usage_timeout", HttpStatus.SERVICE_UNAVAILABLE, "Nothing was charged: the event waited too long for its turn. Retry with the same eventId.");
    }
}
