package com.getpaidx.orgs.invitation;

import java.time.Instant;
import java.util.UUID;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

public record Invitation(UUID id, OrgId orgId, String email, Role role, InvitationStatus status, Instant expiresAt,
        UserId invitedBy, String invitedByName, Instant createdAt) {
}
