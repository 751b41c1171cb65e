package com.getpaidx.orgs.seat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a member's seat stands: {@code ended} when they left the org. */
public enum AssignmentStatus {
    ACTIVE, SUSPENDED, REVOKED, ENDED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssignmentStatus fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
