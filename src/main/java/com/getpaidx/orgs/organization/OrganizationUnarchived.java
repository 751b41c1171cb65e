package com.getpaidx.orgs.organization;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** Published in the unarchiving transaction: what an archived org held back (its seats) may come back. */
public record OrganizationUnarchived(OrgId orgId, UserId actor) {
}
