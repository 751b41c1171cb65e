package com.getpaidx.orgs.seat;

import java.util.List;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** Whether a user has Pro, and the orgs whose active seat gives it to them. */
public record Entitlement(UserId userId, boolean pro, List<OrgId> sources) {
}
