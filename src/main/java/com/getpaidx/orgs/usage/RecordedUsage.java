package com.getpaidx.orgs.usage;

import java.time.Instant;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;

/** An accepted usage event: {@code userId} acted, {@code payerUserId} owns the workspace the org paid for. */
public record RecordedUsage(String eventId, String workspaceId, UserId userId, UserId payerUserId, Credits credits,
        String kind, String model, Instant occurredAt, Instant recordedAt) {
}
