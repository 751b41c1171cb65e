package com.getpaidx.orgs.invitation;

import java.time.Instant;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;

/** What a token holder is invited to, before accepting. */
public record InvitationPreview(OrgId orgId, String orgName, String email, Role role, String invitedBy,
        Instant expiresAt, InvitationStatus status) {
}
