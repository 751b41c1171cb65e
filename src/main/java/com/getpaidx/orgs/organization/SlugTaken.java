package com.getpaidx.orgs.organization;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class SlugTaken extends DomainException {

    public SlugTaken() {
        super("slug_taken", HttpStatus.CONFLICT, "Another organization already uses this slug.");
    }
}
