package com.getpaidx.orgs.billing.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import com.getpaidx.orgs.billing.CheckoutState;
import org.jspecify.annotations.Nullable;

/**
 * A sandbox checkout session, as its table holds it and the test API shows it.
 *
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code unpaid} or {@code paid}
 * @param mode {@code payment} (a top-up) or {@code subscription} (seats)
 * @param paymentIntentId set once a payment-mode session is paid; refunds find the charge through it
 * @param quantity seats bought by a subscription-mode session; null in payment mode
 * @param subscriptionId the subscription a paid subscription-mode session created
 */
public record SandboxSession(String id, String mode, String customerId, String status, String paymentStatus,
        String clientReferenceId, Map<String, String> metadata, long amountMinor, String currency, String productName,
        @Nullable String paymentIntentId, @Nullable Integer quantity, @Nullable String priceId,
        @Nullable String subscriptionId, String successUrl,
        String cancelUrl, Instant createdAt) {

    static final String OPEN = "open";
    static final String COMPLETE = "complete";
    static final String EXPIRED = "expired";
    static final String PAYMENT = "payment";
    static final String SUBSCRIPTION = "subscription";

    /** What {@code fetchCheckout} and the events report: the fields Stripe's session has too. */
    public CheckoutState state() {
        return new CheckoutState(id, mode, status, paymentStatus, clientReferenceId, metadata, customerId,
                paymentIntentId, subscriptionId, amountMinor, currency);
    }

    public boolean subscriptionMode() {
        return SUBSCRIPTION.equals(mode);
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
