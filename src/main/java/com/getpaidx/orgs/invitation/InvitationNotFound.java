package com.getpaidx.orgs.invitation;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class InvitationNotFound extends DomainException {

    public InvitationNotFound() {
        super("invitation_not_found", HttpStatus.NOT_FOUND, "No invitation matches this link. It may have been replaced by a newer one.");
    }
}
