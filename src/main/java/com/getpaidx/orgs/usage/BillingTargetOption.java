package com.getpaidx.orgs.usage;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/** One choice for "Bill workspace to": an org with whether the user may pick it, and why not. */
public record BillingTargetOption(OrgId orgId, String name, boolean eligible, String reason, Credits balance) {
}
