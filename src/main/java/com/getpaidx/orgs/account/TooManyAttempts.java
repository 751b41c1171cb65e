package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class TooManyAttempts extends DomainException {

    public TooManyAttempts() {
        super("too_many_attempts", HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-in attempts for this email. Try again in a few minutes.");
    }
}
