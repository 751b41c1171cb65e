package com.getpaidx.orgs.shared;

import org.springframework.http.HttpStatus;

public final class Forbidden extends DomainException {

    public Forbidden() {
        super("forbidden", HttpStatus.FORBIDDEN, "Your role in this organization does not allow this action.");
    }
}
