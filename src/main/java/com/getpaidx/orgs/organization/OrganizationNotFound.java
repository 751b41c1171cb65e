package com.getpaidx.orgs.organization;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** Also the answer to a non-member, so an organization's existence is never leaked. */
public final class OrganizationNotFound extends DomainException {

    public OrganizationNotFound() {
        super("org_not_found", HttpStatus.NOT_FOUND, "No such organization.");
    }
}
