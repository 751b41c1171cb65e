package com.getpaidx.orgs.usage;

import java.time.Instant;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** A workspace of the main app, known here for whom it bills: its owner, or an org the owner chose. */
public record Workspace(String id, UserId owner, String name, BillingTarget target, OrgId billingOrg, Instant createdAt) {
}
