package com.getpaidx.orgs.organization.internal;

import com.getpaidx.orgs.shared.InvalidInput;

public final class OrganizationNames {

    private OrganizationNames() {
    }

    public static String requireValid(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > 100) {
            throw new InvalidInput("name", "must be 1 to 100 characters");
        }
        return trimmed;
    }
}
