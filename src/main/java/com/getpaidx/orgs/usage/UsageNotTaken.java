package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/**
 * A usage event that was not charged in time: it waited too long in the queue and was taken out of it, or no
 * database connection could be had for its batch. Nothing of it was written.
 */
public final class UsageNotTaken extends DomainException {

    /** Its code, also a charge's per-event answer when no connection could be had (see {@code UsageCharges}). */
    public static final String CODE = "usage_timeout";

    public UsageNotTaken() {
        super(CODE, HttpStatus.SERVICE_UNAVAILABLE, "Nothing was charged: the event could not get its turn in time. Retry with the same eventId.");
    }
}
