package com.getpaidx.orgs.invitation;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class InvitationExpired extends DomainException {

    public InvitationExpired() {
        super("invitation_expired", HttpStatus.GONE, "This invitation has expired. Ask for a new one.");
    }
}
