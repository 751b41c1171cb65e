package com.getpaidx.orgs.seat;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class NoSeatAvailable extends DomainException {

    public NoSeatAvailable() {
        super("no_seat_available", HttpStatus.CONFLICT, "Every paid seat is assigned. Buy more seats or revoke one first.");
    }
}
