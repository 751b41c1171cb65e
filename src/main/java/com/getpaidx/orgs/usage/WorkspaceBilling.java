package com.getpaidx.orgs.usage;

import java.util.List;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/**
 * Who pays for a workspace right now, and every reason a charge would be refused at this moment
 * (empty when it would go through).
 */
public record WorkspaceBilling(String workspaceId, BillingTarget target, OrgId orgId, boolean eligible,
        List<String> reasons, Credits balance) {
}
