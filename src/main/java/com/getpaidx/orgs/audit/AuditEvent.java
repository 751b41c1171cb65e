package com.getpaidx.orgs.audit;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

public record AuditEvent(UUID id, String action, UUID actorUserId, String targetType, String targetId,
        JsonNode before, JsonNode after, Instant createdAt) {
}
