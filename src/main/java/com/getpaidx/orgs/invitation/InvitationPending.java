package com.getpaidx.orgs.invitation;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class InvitationPending extends DomainException {

    public InvitationPending() {
        super("invitation_pending", HttpStatus.CONFLICT, "This email already has a pending invitation. Resend it instead.");
    }
}
