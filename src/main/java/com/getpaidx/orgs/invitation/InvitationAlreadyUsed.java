package com.getpaidx.orgs.invitation;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class InvitationAlreadyUsed extends DomainException {

    public InvitationAlreadyUsed() {
        super("invitation_already_used", HttpStatus.CONFLICT, "This invitation has already been accepted.");
    }
}
