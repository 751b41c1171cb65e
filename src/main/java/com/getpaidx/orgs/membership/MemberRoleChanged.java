package com.getpaidx.orgs.membership;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

public record MemberRoleChanged(OrgId orgId, UserId userId, Role before, Role after, UserId actor) {
}
