package com.getpaidx.orgs.events;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** Only a dead delivery is sent again by hand; a pending one is on its way, a delivered one arrived. */
public final class DeliveryNotDead extends DomainException {

    public DeliveryNotDead() {
        super("delivery_not_dead", HttpStatus.CONFLICT, "Only a dead delivery can be retried.");
    }
}
