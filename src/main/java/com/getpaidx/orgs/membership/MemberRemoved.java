package com.getpaidx.orgs.membership;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** A member left or was removed; published inside that transaction. */
public record MemberRemoved(OrgId orgId, UserId userId, UserId actor, boolean left) {
}
