package com.getpaidx.orgs.organization;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

public record OrganizationArchived(OrgId orgId, UserId actor) {
}
