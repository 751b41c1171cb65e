package com.getpaidx.orgs.audit;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * One change to write down. {@code orgId} is null for an event of the service itself (a dead letter).
 * {@code actor} is null when no person acted (a payment webhook, a timer);
 * {@code before} and {@code after} are any JSON-serializable values, usually small maps.
 */
public record AuditRecord(OrgId orgId, UserId actor, String action, String targetType, String targetId,
        Object before, Object after) {
}
