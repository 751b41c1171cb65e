package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class NotMember extends DomainException {

    public NotMember() {
        super("not_member", HttpStatus.FORBIDDEN, "The workspace owner is not a member of the organization.");
    }
}
