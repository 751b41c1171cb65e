package com.getpaidx.orgs.usage;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.getpaidx.orgs.shared.InvalidInput;

/** Who may bill their workspaces to the organization. */
public enum Spenders {
    MANAGERS, ALL_MEMBERS, SELECTED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Spenders fromJson(String value) {
        return Arrays.stream(values()).filter(s -> s.json().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput("spenders", "must be one of managers, all_members, selected"));
    }
}
