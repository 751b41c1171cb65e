package com.getpaidx.orgs.usage.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.RecordedUsage;
import com.getpaidx.orgs.usage.SpendPolicy;
import com.getpaidx.orgs.usage.SpendPolicyManagement;
import com.getpaidx.orgs.usage.Spenders;
import com.getpaidx.orgs.usage.UsageReview;
import com.getpaidx.orgs.usage.WorkspaceManagement;

/**
 * Usage, under the wallet: billing managers read every org-billed event and edit the spend policy;
 * every other member reads their own events and who may bill the org.
 */
@Component
class UsagePageSection implements OrganizationPageSection {

    private static final int SHOWN = 20;

    /** One usage event with the names of who acted and whose workspace the org paid for. */
    record UsageRow(RecordedUsage usage, String workspaceName, String actor, String payer) {

        public boolean payerActed() {
            return usage.userId().equals(usage.payerUserId());
        }
    }

    record SpenderOption(String value, String label) {
    }

    /** A member as a checkbox of the "selected" spenders. */
    record SpenderChoice(Member member, boolean selected) {
    }

    private final UsageReview review;
    private final SpendPolicyManagement policies;
    private final WorkspaceManagement workspaces;
    private final MembershipManagement memberships;

    UsagePageSection(UsageReview review, SpendPolicyManagement policies, WorkspaceManagement workspaces,
            MembershipManagement memberships) {
        this.review = review;
        this.policies = policies;
        this.workspaces = workspaces;
        this.memberships = memberships;
    }

    @Override
    public String slug() {
        return "usage";
    }

    @Override
    public String label() {
        return "Usage";
    }

    @Override
    public boolean visibleTo(Role role) {
        return role.can(Permission.VIEW);
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Section render(OrganizationView organization, UserId viewer, SectionQuery query) {
        var org = organization.organization();
        boolean manager = organization.myRole().can(Permission.MANAGE_BILLING);
        List<Member> members = memberships.allMembers(org.id(), viewer);
        Map<UserId, String> names = members.stream().collect(Collectors.toMap(Member::userId, Member::displayName));
        SpendPolicy policy = policies.policy(org.id(), viewer);

        // members other than billing managers get their own events only (UsageReview sees to that)
        List<RecordedUsage> events = review.events(org.id(), viewer, new UsageReview.Filter(null, null, null, null),
                PageRequest.first(SHOWN)).items();
        Map<String, String> workspaceNames = workspaces.names(events.stream().map(RecordedUsage::workspaceId).toList());

        var model = new HashMap<String, Object>();
        model.put("org", org);
        model.put("manager", manager);
        model.put("events", events.stream()
                .map(e -> new UsageRow(e, workspaceNames.get(e.workspaceId()), nameOf(e.userId(), names),
                        nameOf(e.payerUserId(), names)))
                .toList());
        model.put("policy", policy);
        model.put("spendersLabel", label(policy.spenders()));
        model.put("mayBill", !org.archived() && policy.allows(viewer, organization.myRole()));
        if (manager) {
            model.put("spenderOptions", Arrays.stream(Spenders.values())
                    .map(s -> new SpenderOption(s.json(), label(s)))
                    .toList());
            model.put("choices", members.stream()
                    .map(m -> new SpenderChoice(m, policy.selectedUserIds().contains(m.userId())))
                    .toList());
            model.put("canEdit", !org.archived());
        }
        return new Section("usage/section", model);
    }

    static String label(Spenders spenders) {
        return switch (spenders) {
            case MANAGERS -> "Owners and admins";
            case ALL_MEMBERS -> "All members";
            case SELECTED -> "Selected members";
        };
    }

    /** Actors may be collaborators outside the org, or members who have left it. */
    private static String nameOf(UserId user, Map<UserId, String> names) {
        return names.getOrDefault(user, "Not a member (" + user + ")");
    }
}
