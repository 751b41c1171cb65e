package com.getpaidx.orgs.seat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a member's seat changed: a manager assigned or revoked it, the paid seats fell short of the active ones
 * (suspended) or grew again (restored), or the member left or was removed (their seat ended).
 */
public enum SeatChange {
    ASSIGNED, REVOKED, SUSPENDED, RESTORED, MEMBER_LEFT, MEMBER_REMOVED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
