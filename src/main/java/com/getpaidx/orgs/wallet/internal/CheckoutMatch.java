package com.getpaidx.orgs.wallet.internal;

import java.util.Locale;
import java.util.Objects;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.wallet.TopUp;

/**
 * Whether a checkout session the provider reports paid is the top-up's own payment: the session made for it
 * at creation, in payment mode, paid, for exactly the package's amount and currency. Anyone able to make a
 * session in the same account (a Payment Link with {@code ?client_reference_id=…}) can name a top-up; only its
 * own session grants it.
 */
enum CheckoutMatch {
    MATCHES, OTHER_SESSION, NOT_PAYMENT_MODE, NOT_PAID, OTHER_AMOUNT, OTHER_CURRENCY;

    static CheckoutMatch of(TopUp topUp, CheckoutState session) {
        if (topUp.checkoutSessionId() == null || !topUp.checkoutSessionId().equals(session.sessionId())) {
            return OTHER_SESSION;
        }
        if (!"payment".equals(session.mode())) {
            return NOT_PAYMENT_MODE;
        }
        if (!session.paid()) {
            return NOT_PAID;
        }
        if (!Objects.equals(session.amountTotalMinor(), topUp.price().amountMinor())) {
            return OTHER_AMOUNT;
        }
        if (session.currency() == null || !session.currency().equalsIgnoreCase(topUp.price().currency())) {
            return OTHER_CURRENCY;
        }
        return MATCHES;
    }

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
