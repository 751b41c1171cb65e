package com.getpaidx.orgs.billing.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.billing.PaymentInbox;
import com.getpaidx.orgs.billing.ProviderEvent;
import com.getpaidx.orgs.billing.WebhookVerifier;
import com.getpaidx.orgs.shared.DomainException;

/**
 * Stripe's webhook: verified, stored once, processed. Answers 200 as soon as the event is stored,
 * even if processing failed (the inbox retries it), so Stripe does not resend what we already hold.
 */
@RestController
class StripeWebhookController {

    private final List<WebhookVerifier> verifiers;
    private final PaymentInbox inbox;

    StripeWebhookController(List<WebhookVerifier> verifiers, PaymentInbox inbox) {
        this.verifiers = verifiers;
        this.inbox = inbox;
    }

    @PostMapping(path = "/webhooks/stripe", consumes = "*/*")
    Map<String, Object> receive(@RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (verifiers.isEmpty()) {
            throw new WebhooksNotConfigured();
        }
        ProviderEvent event = verifiers.getFirst().verify(payload, signature);
        boolean fresh = inbox.receive("stripe", event);
        return Map.of("received", true, "duplicate", !fresh);
    }

    static final class WebhooksNotConfigured extends DomainException {
        WebhooksNotConfigured() {
            super("not_found", HttpStatus.NOT_FOUND, "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).");
        }
    }
}
