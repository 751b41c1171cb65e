package com.getpaidx.orgs.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.core.env.Environment;

/** Stripe events signed with the endpoint's secret and posted to {@code /webhooks/stripe}, as Stripe sends them. */
public final class SignedWebhooks {

    private final Api api;
    private final String secret;
    private final MutableClock clock;

    public SignedWebhooks(Api api, Environment environment, MutableClock clock) {
        this.api = api;
        this.secret = environment.getRequiredProperty("getpaidx.stripe.webhook-secret");
        this.clock = clock;
    }

    /** One delivery of a chaos run: a payload, the {@code Stripe-Signature} it is sent with, the status it must get. */
    public record Delivery(String payload, String signature, int expected) {
    }

    /**
     * Each payload three times, correctly signed (200), once signed 301 s to an hour ago, beyond the 300 s tolerance
     * (400), and once signed with a forged secret (400); all of them shuffled together.
     */
    public List<Delivery> chaos(List<String> payloads, Random random) {
        List<Delivery> deliveries = new ArrayList<>();
        for (String payload : payloads) {
            for (int copy = 0; copy < 3; copy++) {
                deliveries.add(new Delivery(payload, StripeSignatures.sign(payload, secret, clock.instant()), 200));
            }
            deliveries.add(new Delivery(payload, StripeSignatures.sign(payload, secret,
                    clock.instant().minus(Duration.ofSeconds(301 + random.nextInt(3600)))), 400));
            deliveries.add(new Delivery(payload, StripeSignatures.sign(payload, "whsec_forged_" + random.nextInt(),
                    clock.instant()), 400));
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }

    public static String eventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Wraps {@code objectJson} in a fresh event of {@code type}, signs and posts it; returns the event id. */
    public String send(String type, String objectJson) {
        String id = eventId();
        Api.Response response = deliver(StripeEvents.event(id, type, StripeEvents.SDK_API_VERSION, objectJson));
        if (response.status() != 200) {
            throw new IllegalStateException("webhook refused: " + response);
        }
        return id;
    }

    public Api.Response deliver(String payload) {
        return deliver(payload, StripeSignatures.sign(payload, secret, clock.instant()));
    }

    /** Posts {@code payload} with the given {@code Stripe-Signature} header: a stale or forged one, say. */
    public Api.Response deliver(String payload, String signature) {
        return api.exchange(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/webhooks/stripe"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }
}
