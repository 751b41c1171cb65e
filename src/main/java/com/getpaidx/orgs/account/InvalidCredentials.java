package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** The same answer for an unknown email and a wrong password, so neither can be probed. */
public final class InvalidCredentials extends DomainException {

    public InvalidCredentials() {
        super("invalid_credentials", HttpStatus.UNAUTHORIZED, "The email or password is not correct.");
    }
}
