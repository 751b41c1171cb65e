package com.getpaidx.orgs.invitation;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

public record AcceptedInvitation(OrgId orgId, UserId userId, Role role) {
}
