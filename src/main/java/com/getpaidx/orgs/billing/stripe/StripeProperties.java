package com.getpaidx.orgs.billing.stripe;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secretKey {@code STRIPE_SECRET_KEY}; when set, the Stripe adapter replaces the sandbox
 * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}; when set, {@code POST /webhooks/stripe} verifies with it
 * @param apiBase {@code GETPAIDX_STRIPE_API_BASE}: where the SDK sends requests (tests point it at WireMock)
 * @param webhookTolerance how old a signed webhook may be
 */
@ConfigurationProperties("getpaidx.stripe")
public record StripeProperties(
        String secretKey,
        String webhookSecret,
        @DefaultValue("https://api.stripe.com") URI apiBase,
        @DefaultValue("300s") Duration webhookTolerance) {

    public boolean enabled() {
        return secretKey != null && !secretKey.isBlank();
    }

    public boolean webhooksEnabled() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }
}
