package com.getpaidx.orgs.invitation;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class AlreadyMember extends DomainException {

    public AlreadyMember() {
        super("already_member", HttpStatus.CONFLICT, "This person already is a member of the organization.");
    }
}
