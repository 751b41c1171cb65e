package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** Unknown, used, expired, or someone else's: one answer, so a link's fate tells a guesser nothing. */
public final class VerificationLinkInvalid extends DomainException {

    public VerificationLinkInvalid() {
        super("verification_link_invalid", HttpStatus.BAD_REQUEST,
                "This confirmation link is not valid (any more). Send yourself a new one.");
    }
}
