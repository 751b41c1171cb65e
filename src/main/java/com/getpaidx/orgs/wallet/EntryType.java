package com.getpaidx.orgs.wallet;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

public enum EntryType {
    TOPUP, USAGE, REFUND_REVERSAL, ADJUSTMENT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryType fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
