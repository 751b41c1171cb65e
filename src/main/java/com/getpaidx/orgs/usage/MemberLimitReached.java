package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class MemberLimitReached extends DomainException {

    public MemberLimitReached() {
        super("member_limit_reached", HttpStatus.FORBIDDEN, "This member has reached their monthly limit in the organization.");
    }
}
