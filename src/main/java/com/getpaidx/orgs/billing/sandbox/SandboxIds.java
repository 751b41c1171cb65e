package com.getpaidx.orgs.billing.sandbox;

import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Stripe-shaped ids ({@code cs_sbx_…}); the {@code sbx} tells anyone reading a log that no money moved. */
final class SandboxIds {

    private static final String EVENT = "evt_sbx_";

    private SandboxIds() {
    }

    static String customer() {
        return "cus_sbx_" + hex(UUID.randomUUID());
    }

    static String checkoutSession() {
        return "cs_sbx_" + hex(UUID.randomUUID());
    }

    static String paymentIntent() {
        return "pi_sbx_" + hex(UUID.randomUUID());
    }

    static String subscription() {
        return "sub_sbx_" + hex(UUID.randomUUID());
    }

    static String charge() {
        return "ch_sbx_" + hex(UUID.randomUUID());
    }

    /** An event is stored under a UUID (so the event log pages by time and id like every other list). */
    static String event(UUID id) {
        return EVENT + hex(id);
    }

    static Optional<UUID> eventKey(String eventId) {
        String hex = eventId.startsWith(EVENT) ? eventId.substring(EVENT.length()) : "";
        if (hex.length() != 32 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(new UUID(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32)));
    }

    private static String hex(UUID id) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(id.getMostSignificantBits()) + hex.toHexDigits(id.getLeastSignificantBits());
    }
}
