package com.getpaidx.orgs.invitation;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class EmailMismatch extends DomainException {

    public EmailMismatch() {
        super("email_mismatch", HttpStatus.FORBIDDEN, "This invitation is for another email address. Sign in with the invited address to accept it.");
    }
}
