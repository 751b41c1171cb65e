package com.getpaidx.orgs.wallet;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class InsufficientBalance extends DomainException {

    public InsufficientBalance() {
        super("insufficient_balance", HttpStatus.PAYMENT_REQUIRED, "The organization's wallet does not hold enough credits.");
    }
}
