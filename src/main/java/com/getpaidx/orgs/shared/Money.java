package com.getpaidx.orgs.shared;

import java.util.Locale;

/** An amount in a currency's minor units (cents), with its ISO 4217 code. */
public record Money(long amountMinor, String currency) {

    public Money {
        currency = currency.toUpperCase(Locale.ROOT);
    }

    /** "10.00 USD", for people; two minor digits, which holds for the currencies we sell in. */
    public String display() {
        return String.format(Locale.ROOT, "%d.%02d %s", amountMinor / 100, Math.abs(amountMinor % 100), currency);
    }
}
