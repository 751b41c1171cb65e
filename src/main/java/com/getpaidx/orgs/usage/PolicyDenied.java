package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class PolicyDenied extends DomainException {

    public PolicyDenied() {
        super("policy_denied", HttpStatus.FORBIDDEN, "The organization's spend policy does not let this member bill workspaces to it.");
    }
}
