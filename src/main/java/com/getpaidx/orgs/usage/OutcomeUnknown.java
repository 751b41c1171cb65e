package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/**
 * A usage event that may have been charged: its batch was still committing when its caller stopped waiting, the
 * flush that would have confirmed it failed, or the connection broke while it committed.
 */
public final class OutcomeUnknown extends DomainException {

    public OutcomeUnknown() {
        super("outcome_unknown", HttpStatus.SERVICE_UNAVAILABLE, "The charge may or may not have been made: its commit was not confirmed. Retry with the same eventId to learn the outcome.");
    }
}
