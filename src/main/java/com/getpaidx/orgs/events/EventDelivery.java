package com.getpaidx.orgs.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event on its way to one endpoint.
 *
 * @param webhookId the event's {@code webhook-id}: the same on every attempt
 * @param lastResponseCode the endpoint's last HTTP status; null before the first answer or when none came
 * @param nextAttemptAt when a pending delivery is tried next; null once delivered or dead
 */
public record EventDelivery(UUID id, String webhookId, String type, String endpoint, DeliveryStatus status, int attempts,
        @Nullable Integer lastResponseCode, @Nullable String lastError, @Nullable Instant nextAttemptAt,
        Instant createdAt, @Nullable Instant deliveredAt) {
}
