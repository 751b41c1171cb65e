package com.getpaidx.orgs.usage.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.SpendPolicy;
import com.getpaidx.orgs.usage.SpendPolicyManagement;
import com.getpaidx.orgs.usage.Spenders;

/** The spend policy part of the Usage section: read by every member, edited by billing managers. */
final class SpendPolicySection {

    record SpenderOption(String value, String label) {
    }

    /** A member as a checkbox of the "selected" spenders. */
    record SpenderChoice(Member member, boolean selected) {
    }

    private final SpendPolicyManagement policies;

    SpendPolicySection(SpendPolicyManagement policies) {
        this.policies = policies;
    }

    void addTo(Map<String, Object> model, OrganizationView organization, UserId viewer, List<Member> members) {
        var org = organization.organization();
        SpendPolicy policy = policies.policy(org.id(), viewer);
        model.put("policy", policy);
        model.put("spendersLabel", label(policy.spenders()));
        model.put("mayBill", !org.archived() && policy.allows(viewer, organization.myRole()));
        if (organization.myRole().can(Permission.MANAGE_BILLING)) {
            model.put("spenderOptions", Arrays.stream(Spenders.values())
                    .map(s -> new SpenderOption(s.json(), label(s)))
                    .toList());
            model.put("choices", members.stream()
                    .map(m -> new SpenderChoice(m, policy.selectedUserIds().contains(m.userId())))
                    .toList());
            model.put("canEdit", !org.archived());
        }
    }

    boolean allows(OrganizationView organization, UserId viewer) {
        return policies.policy(organization.organization().id(), viewer).allows(viewer, organization.myRole());
    }

    static String label(Spenders spenders) {
        return switch (spenders) {
            case MANAGERS -> "Owners and admins";
            case ALL_MEMBERS -> "All members";
            case SELECTED -> "Selected members";
        };
    }
}
