package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** No token of the caller's has this id (someone else's counts as none). */
public final class TokenNotFound extends DomainException {

    public TokenNotFound() {
        super("token_not_found", HttpStatus.NOT_FOUND, "You have no API token with this id.");
    }
}
