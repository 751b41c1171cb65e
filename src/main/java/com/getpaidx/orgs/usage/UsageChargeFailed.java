package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** A usage event whose transaction failed even on its own: nothing of it was written. */
public final class UsageChargeFailed extends DomainException {

    public UsageChargeFailed() {
        super("internal_error", HttpStatus.INTERNAL_SERVER_ERROR, "The charge failed and nothing of it was written. Retry with the same eventId.");
    }
}
