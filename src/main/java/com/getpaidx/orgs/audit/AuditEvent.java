package com.getpaidx.orgs.audit;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

public record AuditEvent(UUID id, String action, @Nullable UUID actorUserId, String targetType, String targetId,
        JsonNode before, JsonNode after, Instant createdAt) {
}
