package com.getpaidx.orgs.billing.stripe;

import java.util.Locale;

/** Stripe spells ISO 4217 codes in lower case; the rest of the service uses the ISO spelling. */
final class StripeCurrencies {

    private StripeCurrencies() {
    }

    static String toStripe(String isoCode) {
        return isoCode.toLowerCase(Locale.ROOT);
    }

    static String toIso(String stripeCode) {
        return stripeCode == null ? null : stripeCode.toUpperCase(Locale.ROOT);
    }
}
