package com.getpaidx.orgs.usage;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.getpaidx.orgs.shared.InvalidInput;

public enum BillingTarget {
    PERSONAL, ORG;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BillingTarget fromJson(String value) {
        return Arrays.stream(values()).filter(t -> t.json().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput("target", "must be personal or org"));
    }
}
