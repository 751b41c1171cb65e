package com.getpaidx.orgs.membership;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.getpaidx.orgs.shared.InvalidInput;

import static com.getpaidx.orgs.membership.Permission.*;

/**
 * The four roles and what each may do (DESIGN §2). Billing managers are owner and billing_admin;
 * managers are owner and admin.
 */
public enum Role {

    OWNER("Owner", EnumSet.allOf(Permission.class)),
    ADMIN("Admin", EnumSet.of(VIEW, RENAME_ORG, MANAGE_INVITATIONS, CHANGE_ROLES, REMOVE_MEMBERS, READ_AUDIT)),
    BILLING_ADMIN("Billing admin", EnumSet.of(VIEW, MANAGE_BILLING, MANAGE_SEATS, READ_AUDIT)),
    MEMBER("Member", EnumSet.of(VIEW));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromJson(String value) {
        return Arrays.stream(values()).filter(role -> role.json().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput("role", "must be one of owner, admin, billing_admin, member"));
    }
}
