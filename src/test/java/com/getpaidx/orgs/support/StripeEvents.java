package com.getpaidx.orgs.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Stripe objects as the API sends them ({@code src/test/resources/stripe/*.json}) and the event envelope a
 * webhook wraps them in. Sign the result with {@link StripeSignatures}.
 */
public final class StripeEvents {

    /** The version stripe-java 33.3.0 is generated for ({@code com.stripe.Stripe.API_VERSION}). */
    public static final String SDK_API_VERSION = "2026-07-29.dahlia";

    private StripeEvents() {
    }

    /** A stored object, e.g. {@code fixture("checkout-session-complete")}. */
    public static String fixture(String name) {
        String path = "/stripe/" + name + ".json";
        try (InputStream in = StripeEvents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No Stripe fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A v1 webhook event carrying {@code objectJson} as {@code data.object}. */
    public static String event(String eventId, String type, String apiVersion, String objectJson) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": 1767225900,
                  "data": {
                    "object": %s
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {
                    "id": null,
                    "idempotency_key": null
                  },
                  "type": "%s"
                }
                """.formatted(eventId, apiVersion, objectJson.strip(), type);
    }
}
