package com.getpaidx.orgs.shared;

import org.springframework.http.HttpStatus;

/** An idempotency key reused with a different request. */
public final class IdempotencyConflict extends DomainException {

    public IdempotencyConflict() {
        super("idempotency_conflict", HttpStatus.CONFLICT,
                "This idempotency key was already used with a different request.");
    }
}
