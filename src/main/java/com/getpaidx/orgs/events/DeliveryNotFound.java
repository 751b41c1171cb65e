package com.getpaidx.orgs.events;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class DeliveryNotFound extends DomainException {

    public DeliveryNotFound() {
        super("delivery_not_found", HttpStatus.NOT_FOUND, "No event delivery has this id.");
    }
}
