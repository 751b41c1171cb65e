package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class EmailAlreadyVerified extends DomainException {

    public EmailAlreadyVerified() {
        super("email_already_verified", HttpStatus.CONFLICT, "Your email address is already confirmed.");
    }
}
