package com.getpaidx.orgs.billing.stripe;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.InvalidWebhook;
import com.getpaidx.orgs.billing.ProviderEvent;
import com.getpaidx.orgs.billing.WebhookVerifier;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies {@code Stripe-Signature} with the endpoint secret and reduces the event to a {@link ProviderEvent}.
 *
 * <p>The event's {@code data.object} is read from the raw JSON, not through the SDK's model classes: an
 * endpoint sends objects in its own API version, which may be older than the one stripe-java was generated
 * for ({@code getDataObjectDeserializer().getObject()} is then empty and {@code deserializeUnsafe()} may
 * trip over an unrelated field whose shape changed). The few fields read here are stable across versions.
 */
public class StripeWebhookVerifier implements WebhookVerifier {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookVerifier.class);

    private static final JsonMapper JSON = JsonMapper.shared();

    private final String webhookSecret;
    private final long toleranceSeconds;
    private final Clock clock;

    public StripeWebhookVerifier(String webhookSecret, Duration tolerance, Clock clock) {
        this.webhookSecret = webhookSecret;
        this.toleranceSeconds = tolerance.toSeconds();
        this.clock = clock;
    }

    @Override
    public ProviderEvent verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw refused("missing Stripe-Signature header");
        }
        if (payload == null || payload.isBlank()) {
            throw refused("empty body");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, webhookSecret, toleranceSeconds, clock);
        }
        catch (SignatureVerificationException ex) {
            // The SDK's messages are fixed texts ("Timestamp outside the tolerance zone", …), never the secret.
            throw refused(ex.getMessage());
        }
        catch (RuntimeException ex) {
            // Signed but not a v1 event: malformed JSON, or a v2 event notification sent to this endpoint.
            throw refused("not a Stripe event");
        }
        if (event.getId() == null || event.getType() == null) {
            throw refused("not a Stripe event");
        }
        return toProviderEvent(event.getId(), event.getType(), payload);
    }

    private static ProviderEvent toProviderEvent(String id, String type, String payload) {
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                new ProviderEvent.CheckoutCompleted(id, type, checkoutState(dataObject(payload, "checkout.session")));
            // a delayed payment (a bank debit) that failed ends its checkout as surely as an expiry: no payment follows
            case "checkout.session.expired", "checkout.session.async_payment_failed" ->
                new ProviderEvent.CheckoutExpired(id, type, checkoutState(dataObject(payload, "checkout.session")));
            case "charge.refunded" -> chargeRefunded(id, type, dataObject(payload, "charge"));
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
                 "customer.subscription.paused", "customer.subscription.resumed" -> {
                JsonNode subscription = dataObject(payload, "subscription");
                yield new ProviderEvent.SubscriptionUpdated(id, type, text(subscription, "id"),
                        expandableId(subscription.path("customer")));
            }
            default -> new ProviderEvent.Other(id, type);
        };
    }

    private static JsonNode dataObject(String payload, String expectedObject) {
        JsonNode object;
        try {
            object = JSON.readTree(payload).path("data").path("object");
        }
        catch (JacksonException ex) {
            throw refused("not a Stripe event");
        }
        if (!expectedObject.equals(text(object, "object")) || text(object, "id") == null) {
            throw refused("data.object is not a " + expectedObject);
        }
        return object;
    }

    private static CheckoutState checkoutState(JsonNode session) {
        return new CheckoutState(text(session, "id"), text(session, "mode"), text(session, "status"),
                text(session, "payment_status"), text(session, "client_reference_id"),
                metadata(session.path("metadata")), expandableId(session.path("customer")),
                expandableId(session.path("payment_intent")), expandableId(session.path("subscription")),
                number(session, "amount_total"), StripeCurrencies.toIso(text(session, "currency")));
    }

    private static ProviderEvent.ChargeRefunded chargeRefunded(String id, String type, JsonNode charge) {
        Long amount = number(charge, "amount");
        Long refunded = number(charge, "amount_refunded");
        if (amount == null || refunded == null) {
            throw refused("charge without amount or amount_refunded");
        }
        return new ProviderEvent.ChargeRefunded(id, type, text(charge, "id"),
                expandableId(charge.path("payment_intent")), amount, refunded,
                StripeCurrencies.toIso(text(charge, "currency")), metadata(charge.path("metadata")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() ? value.longValue() : null;
    }

    /** A reference Stripe sends as an id, or as the object itself when it was expanded. */
    private static String expandableId(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        return value.isObject() ? text(value, "id") : null;
    }

    private static Map<String, String> metadata(JsonNode metadata) {
        Map<String, String> values = new LinkedHashMap<>();
        if (metadata.isObject()) {
            metadata.properties().forEach(entry -> {
                if (entry.getValue().isString()) {
                    values.put(entry.getKey(), entry.getValue().stringValue());
                }
            });
        }
        return Map.copyOf(values);
    }

    private static InvalidWebhook refused(String why) {
        log.warn("Stripe webhook refused: {}", why);
        return new InvalidWebhook(why);
    }
}
