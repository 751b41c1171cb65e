package com.getpaidx.orgs.organization;

import java.time.Instant;

import com.getpaidx.orgs.shared.OrgId;

public record Organization(OrgId id, String name, String slug, OrganizationStatus status, Instant createdAt) {

    public boolean archived() {
        return status == OrganizationStatus.ARCHIVED;
    }
}
