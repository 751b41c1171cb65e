package com.getpaidx.orgs.invitation;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import com.getpaidx.orgs.shared.InvalidInput;

/**
 * {@code pending} → {@code accepted} | {@code revoked} | {@code expired}. A pending invitation past
 * its expiry is expired, whether or not a row says so yet.
 */
public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED, EXPIRED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvitationStatus fromJson(String value) {
        return Arrays.stream(values()).filter(status -> status.json().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput("status", "must be one of pending, accepted, revoked, expired"));
    }

    public static InvitationStatus effective(String stored, Instant expiresAt, Instant now) {
        InvitationStatus status = fromJson(stored);
        return status == PENDING && !expiresAt.isAfter(now) ? EXPIRED : status;
    }
}
