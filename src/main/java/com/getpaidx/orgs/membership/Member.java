package com.getpaidx.orgs.membership;

import java.time.Instant;

import com.getpaidx.orgs.shared.UserId;

public record Member(UserId userId, String email, String displayName, Role role, Instant joinedAt, String seat) {
}
