package com.getpaidx.orgs.wallet;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class TopUpNotFound extends DomainException {

    public TopUpNotFound() {
        super("topup_not_found", HttpStatus.NOT_FOUND, "No such top-up in this organization.");
    }
}
