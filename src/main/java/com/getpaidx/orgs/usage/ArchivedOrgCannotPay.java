package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class ArchivedOrgCannotPay extends DomainException {

    public ArchivedOrgCannotPay() {
        super("org_archived", HttpStatus.FORBIDDEN, "The organization is archived and pays for nothing.");
    }
}
