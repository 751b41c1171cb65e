package com.getpaidx.orgs.membership;

import com.getpaidx.orgs.organization.Organization;

/** An organization as one of its members sees it. */
public record OrganizationView(Organization organization, Role myRole, int memberCount) {
}
