package com.getpaidx.orgs.seat;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class NoSubscription extends DomainException {

    public NoSubscription() {
        super("no_subscription", HttpStatus.CONFLICT, "This organization has no seat subscription yet. Buy seats first.");
    }
}
