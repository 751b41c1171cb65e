package com.getpaidx.orgs.membership;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class MemberNotFound extends DomainException {

    public MemberNotFound() {
        super("member_not_found", HttpStatus.NOT_FOUND, "This user is not a member of the organization.");
    }
}
