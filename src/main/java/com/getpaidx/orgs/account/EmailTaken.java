package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class EmailTaken extends DomainException {

    public EmailTaken() {
        super("email_taken", HttpStatus.CONFLICT, "An account with this email already exists.");
    }
}
