package com.getpaidx.orgs.billing;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

/** The provider did not answer or refused; nothing was charged. Retrying with the same key is safe. */
public final class PaymentProviderUnavailable extends DomainException {

    public PaymentProviderUnavailable(String why, Throwable cause) {
        super("payment_provider_unavailable", HttpStatus.BAD_GATEWAY,
                "The payment provider could not be reached. Nothing was charged; try again.", cause);
    }
}
