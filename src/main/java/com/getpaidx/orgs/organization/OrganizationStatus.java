package com.getpaidx.orgs.organization;

import com.fasterxml.jackson.annotation.JsonValue;

public enum OrganizationStatus {
    ACTIVE, ARCHIVED;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OrganizationStatus fromJson(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
