package com.getpaidx.orgs.events;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import com.getpaidx.orgs.shared.InvalidInput;

/** Where a delivery stands: waiting for its next attempt, answered 2xx, or given up (retry it by hand). */
public enum DeliveryStatus {
    PENDING, DELIVERED, DEAD;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromJson(String value) {
        return Arrays.stream(values()).filter(status -> status.json().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput("status", "must be pending, delivered or dead"));
    }
}
