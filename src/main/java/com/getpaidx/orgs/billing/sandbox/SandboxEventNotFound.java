package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

final class SandboxEventNotFound extends DomainException {

    SandboxEventNotFound() {
        super("event_not_found", HttpStatus.NOT_FOUND,
                "The sandbox sent no event with this id.");
    }
}
