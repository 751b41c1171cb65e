package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** Joining an organization needs a proven address, or anyone could claim an invitation sent to one they typed. */
public final class EmailNotVerified extends DomainException {

    public EmailNotVerified() {
        super("email_not_verified", HttpStatus.FORBIDDEN,
                "Confirm your email address first: open the link we sent you, or send a new one from your account settings.");
    }
}
