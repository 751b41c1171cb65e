package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class BillingPaused extends DomainException {

    public BillingPaused() {
        super("billing_paused", HttpStatus.FORBIDDEN, "The organization has paused org-billed usage.");
    }
}
