package com.getpaidx.orgs.wallet;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

public enum TopUpStatus {
    PENDING, PAID, EXPIRED, REFUNDED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TopUpStatus fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
