package com.getpaidx.orgs.organization;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class OrgArchived extends DomainException {

    public OrgArchived() {
        super("org_archived", HttpStatus.CONFLICT, "This organization is archived. Unarchive it to make changes.");
    }
}
