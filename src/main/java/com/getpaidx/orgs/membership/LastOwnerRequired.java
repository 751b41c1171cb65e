package com.getpaidx.orgs.membership;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class LastOwnerRequired extends DomainException {

    public LastOwnerRequired() {
        super("last_owner", HttpStatus.CONFLICT,
                "An organization needs at least one owner. Make someone else an owner first.");
    }
}
