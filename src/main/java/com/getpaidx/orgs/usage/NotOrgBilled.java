package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class NotOrgBilled extends DomainException {

    public NotOrgBilled() {
        super("not_org_billed", HttpStatus.UNPROCESSABLE_ENTITY, "This workspace bills its owner personally, not an organization.");
    }
}
