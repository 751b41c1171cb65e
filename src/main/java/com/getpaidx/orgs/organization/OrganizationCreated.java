package com.getpaidx.orgs.organization;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** Published inside the creating transaction: the membership module makes the creator its owner there. */
public record OrganizationCreated(OrgId orgId, UserId creator) {
}
