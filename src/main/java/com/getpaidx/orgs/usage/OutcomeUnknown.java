package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** A usage event whose batch was still committing when its caller stopped waiting: it may have been charged. */
public final class OutcomeUnknown extends DomainException {

    public OutcomeUnknown() {
        super("outcome_unknown", HttpStatus.SERVICE_UNAVAILABLE, "The charge may or may not have been made: its commit was still under way when the wait ended. Retry with the same eventId to learn the outcome.");
    }
}
