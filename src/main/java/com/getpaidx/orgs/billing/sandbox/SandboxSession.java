package com.getpaidx.orgs.billing.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import com.getpaidx.orgs.billing.CheckoutState;

/**
 * A sandbox checkout session, as its table holds it and the test API shows it.
 *
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code unpaid} or {@code paid}
 * @param paymentIntentId set once paid; refunds find the charge through it
 */
public record SandboxSession(String id, String mode, String customerId, String status, String paymentStatus,
        String clientReferenceId, Map<String, String> metadata, long amountMinor, String currency, String productName,
        String paymentIntentId, String successUrl, String cancelUrl, Instant createdAt) {

    static final String OPEN = "open";
    static final String COMPLETE = "complete";
    static final String EXPIRED = "expired";

    /** What {@code fetchCheckout} and the events report: the fields Stripe's session has too. */
    public CheckoutState state() {
        return new CheckoutState(id, mode, status, paymentStatus, clientReferenceId, metadata, customerId,
                paymentIntentId, null, amountMinor, currency);
    }

    public boolean open() {
        return OPEN.equals(status);
    }

    /** Stripe fills {@code {CHECKOUT_SESSION_ID}} into the success URL; so does the sandbox. */
    public String successRedirect() {
        return successUrl.replace("{CHECKOUT_SESSION_ID}", id);
    }

    /** The amount in major units with the currency's own number of decimals: "12.50", "1200" for JPY. */
    public String amountText() {
        return BigDecimal.valueOf(amountMinor, fractionDigits()).toPlainString();
    }

    public String currencyCode() {
        return currency.toUpperCase(Locale.ROOT);
    }

    private int fractionDigits() {
        try {
            return Math.max(0, Currency.getInstance(currencyCode()).getDefaultFractionDigits());
        }
        catch (IllegalArgumentException unknownCurrency) {
            return 2;
        }
    }
}
