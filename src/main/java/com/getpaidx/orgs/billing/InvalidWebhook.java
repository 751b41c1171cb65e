package com.getpaidx.orgs.billing;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class InvalidWebhook extends DomainException {

    public InvalidWebhook(String why) {
        super("invalid_signature", HttpStatus.BAD_REQUEST, "The webhook was refused: " + why);
    }
}
