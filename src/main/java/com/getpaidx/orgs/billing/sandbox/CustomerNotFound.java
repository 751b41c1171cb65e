package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

final class CustomerNotFound extends DomainException {

    CustomerNotFound() {
        super("customer_not_found", HttpStatus.NOT_FOUND, "The sandbox has no customer with this id.");
    }
}
