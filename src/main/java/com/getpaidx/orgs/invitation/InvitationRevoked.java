package com.getpaidx.orgs.invitation;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class InvitationRevoked extends DomainException {

    public InvitationRevoked() {
        super("invitation_revoked", HttpStatus.GONE, "This invitation was revoked.");
    }
}
