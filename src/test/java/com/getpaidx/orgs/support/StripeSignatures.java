package com.getpaidx.orgs.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way Stripe does, so tests can send genuinely signed events:
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}.
 */
public final class StripeSignatures {

    private StripeSignatures() {
    }

    /** The header for a webhook sent now. */
    public static String sign(String payload, String webhookSecret) {
        return sign(payload, webhookSecret, Instant.now());
    }

    /** The header for a webhook Stripe sent at {@code at}; use the application's clock when a test moves it. */
    public static String sign(String payload, String webhookSecret, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + hmacSha256Hex(webhookSecret, timestamp + "." + payload);
    }

    private static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
